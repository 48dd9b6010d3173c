"""The Arabic text engine: normalization, analysis, index schema, queries, highlights.

Plain Python on top of Whoosh; nothing here imports Django, so every stage can be
tested and benchmarked alone.
"""
