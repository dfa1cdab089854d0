"""The ``kg`` command line: thin wrappers over the library."""
from kg.cli.app import app


def main() -> None:
    app()
