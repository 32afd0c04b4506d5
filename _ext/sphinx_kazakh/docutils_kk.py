"""Kazakh for Docutils, which has none: its labels, and its bibliographic field names.

Without it, ``language = "kk"`` (as Read the Docs passes for a Kazakh project)
makes Docutils warn on every build and fall back to English.  The English
field names stay valid, so front matter reads the same in either language.
Docutils finds this module as ``docutils.languages.kk``
(see :mod:`sphinx_kazakh.docutils_language`).
"""

from docutils.languages import en

labels = {
    "abstract": "Аңдатпа",
    "address": "Мекенжай",
    "attention": "Назар аударыңыз!",
    "author": "Авторы",
    "authors": "Авторлары",
    "caution": "Сақ болыңыз!",
    "contact": "Байланыс",
    "contents": "Мазмұны",
    "copyright": "Авторлық құқық",
    "danger": "ҚАУІПТІ!",
    "date": "Күні",
    "dedication": "Арнау",
    "error": "Қате",
    "hint": "Кеңес",
    "important": "Маңызды",
    "note": "Ескертпе",
    "organization": "Ұйым",
    "revision": "Түзету",
    "status": "Күйі",
    "tip": "Ұсыныс",
    "version": "Нұсқасы",
    "warning": "Ескерту",
}

bibliographic_fields = {
    **en.bibliographic_fields,
    "аңдатпа": "abstract",
    "мекенжай": "address",
    "авторы": "author",
    "авторлары": "authors",
    "байланыс": "contact",
    "авторлық құқық": "copyright",
    "күні": "date",
    "арнау": "dedication",
    "ұйым": "organization",
    "түзету": "revision",
    "күйі": "status",
    "нұсқасы": "version",
}

author_separators = [";", ","]
