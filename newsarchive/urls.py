from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "أرشيف الأخبار العربية — الإدارة"
admin.site.site_title = "إدارة الأرشيف"
admin.site.index_title = "التحرير والمراجعة"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("articles.urls")),
]

handler404 = "articles.views.page_not_found"
handler500 = "articles.views.server_error"
