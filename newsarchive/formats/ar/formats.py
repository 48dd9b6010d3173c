# The reading room's Arabic date formats (FORMAT_MODULE_PATH); anything not set here comes
# from Django's own `ar` formats.
#
# E is the month's "alternative" name, which Django's Arabic translation spells as the
# corpus and most Arabic news sites do (أبريل; its F, إبريل, is rarer in the press). No
# comma between month and year (Django's default is "j F، Y"), and Western digits, as the
# corpus writes its numbers: 24 نوفمبر 2026.
DATE_FORMAT = "j E Y"
YEAR_MONTH_FORMAT = "E Y"
