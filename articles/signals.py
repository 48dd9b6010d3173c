"""Model signals that keep the search index in step with the database.

Connected in ArticlesConfig.ready(); the index work itself lives in articles.indexing.
"""
