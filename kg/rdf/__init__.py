"""The RDF stage: namespaces, graph building and SHACL validation.

Only this package (with ``kg.store`` and ``kg.query``) knows RDF; the stages before it
pass plain records from ``kg.records``.
"""
