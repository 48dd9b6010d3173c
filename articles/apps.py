from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = "الأرشيف"

    def ready(self):
        from articles import signals  # noqa: F401  (connects index updates)
