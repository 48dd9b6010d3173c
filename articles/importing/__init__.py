"""Importing articles: one reader per input format → plain records → one idempotent upsert.

    find_files → sniff_format → read_plaintext / read_jsonl / read_trec → ArticleRecord
              → ArticleRecord.validate → ArticleWriter (batches) → pipeline

See docs/importing.md.
"""

