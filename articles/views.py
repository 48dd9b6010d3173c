"""Reading-room pages. (Being built: see issue 6.)"""

from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import get_object_or_404, render
from django.template import loader

from articles.models import Article, Source, Speaker


def home(request):
    return render(request, "home.html", {"articles": Article.objects.select_related("source")[:20]})


def search(request):
    raise Http404


def statements(request):
    raise Http404


def article_detail(request, external_id):
    article = get_object_or_404(Article.objects.select_related("source", "section"), external_id=external_id)
    return render(request, "article.html", {"article": article})


def speaker_detail(request, slug):
    speaker = get_object_or_404(Speaker, slug=slug)
    return render(request, "speaker.html", {"speaker": speaker})


def source_detail(request, code):
    source = get_object_or_404(Source, code=code)
    return render(request, "source.html", {"source": source})


def page_not_found(request, exception=None):
    return HttpResponse(loader.render_to_string("404.html", request=request), status=404)


def server_error(request):
    return HttpResponseServerError(loader.render_to_string("500.html"))
