"""renda-kg: a knowledge graph of China's local people's congresses, built from their texts."""

__version__ = "0.1.0"
