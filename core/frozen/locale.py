"""A "C"-locale-only ``locale`` (ferropy's own; CPython's emulation when
``_locale`` is missing): enough for modules that import it."""

CHAR_MAX = 127
LC_CTYPE = 0
LC_COLLATE = 1
LC_TIME = 2
LC_MONETARY = 3
LC_NUMERIC = 4
LC_ALL = 6
LC_MESSAGES = 5


class Error(Exception):
    pass


def localeconv():
    return {'grouping': [127], 'currency_symbol': '', 'n_sign_posn': 127,
            'p_cs_precedes': 127, 'n_cs_precedes': 127, 'mon_grouping': [],
            'n_sep_by_space': 127, 'decimal_point': '.', 'negative_sign': '',
            'positive_sign': '', 'p_sep_by_space': 127, 'int_curr_symbol': '',
            'p_sign_posn': 127, 'thousands_sep': '', 'mon_thousands_sep': '',
            'frac_digits': 127, 'mon_decimal_point': '', 'int_frac_digits': 127}


def setlocale(category, value=None):
    if value not in (None, '', 'C'):
        raise Error('_locale emulation only supports "C" locale')
    return 'C'


def getlocale(category=LC_CTYPE):
    return (None, None)


def getdefaultlocale(envvars=('LC_ALL', 'LC_CTYPE', 'LANG', 'LANGUAGE')):
    return (None, 'UTF-8')


def getencoding():
    return 'UTF-8'


def getpreferredencoding(do_setlocale=True):
    return 'UTF-8'


def normalize(localename):
    return localename


def strcoll(a, b):
    return (a > b) - (a < b)


def strxfrm(s):
    return s


def format_string(f, val, grouping=False, monetary=False):
    return f % val


def str(val):
    return '%.12g' % val


def atof(string, func=float):
    return func(string)


def atoi(string):
    return int(string)


def delocalize(string):
    return string


def localize(string, grouping=False, monetary=False):
    return string
