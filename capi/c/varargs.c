/* The variadic half of ferropy's C API: formatting, argument parsing and
 * value building. Everything here calls the plain exports of the Rust side
 * (capi/src/); no libc beyond <stdarg.h> and <stddef.h> is needed, so the
 * same file builds for a microcontroller. */
#include "Python.h"

/* ------------------------------------------------------------ buffer */

typedef struct {
    char *p;
    Py_ssize_t len, cap;
    int failed;
} Buf;

static void buf_put(Buf *b, const char *s, Py_ssize_t n) {
    if (b->failed || n <= 0) return;
    if (b->len + n + 1 > b->cap) {
        Py_ssize_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->len + n + 1) cap *= 2;
        char *q = (char *)PyMem_Realloc(b->p, (size_t)cap);
        if (q == NULL) { b->failed = 1; return; }
        b->p = q;
        b->cap = cap;
    }
    for (Py_ssize_t i = 0; i < n; i++) b->p[b->len + i] = s[i];
    b->len += n;
    b->p[b->len] = 0;
}

static Py_ssize_t c_strlen(const char *s) {
    Py_ssize_t n = 0;
    while (s[n]) n++;
    return n;
}

static void buf_pad(Buf *b, char c, Py_ssize_t n) {
    while (n-- > 0) buf_put(b, &c, 1);
}

/* Unsigned value in base 10 or 16 into `out` (reversed digits fixed up). */
static Py_ssize_t fmt_unsigned(unsigned long long v, int base, char *out) {
    char tmp[32];
    Py_ssize_t n = 0;
    do {
        int d = (int)(v % (unsigned)base);
        tmp[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        v /= (unsigned)base;
    } while (v);
    for (Py_ssize_t i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
    return n;
}

static void put_number(Buf *b, long long sv, unsigned long long uv, int is_signed, int base,
                       Py_ssize_t width, int zero, int left) {
    char digits[40];
    Py_ssize_t n = 0;
    int neg = is_signed && sv < 0;
    unsigned long long mag = is_signed ? (neg ? 0ULL - (unsigned long long)sv : (unsigned long long)sv) : uv;
    if (neg) digits[n++] = '-';
    n += fmt_unsigned(mag, base, digits + n);
    if (!left && width > n) {
        if (zero) {
            if (neg) { buf_put(b, "-", 1); }
            buf_pad(b, '0', width - n);
            buf_put(b, digits + neg, n - neg);
            return;
        }
        buf_pad(b, ' ', width - n);
    }
    buf_put(b, digits, n);
    if (left && width > n) buf_pad(b, ' ', width - n);
}

static void put_str(Buf *b, const char *s, Py_ssize_t len, Py_ssize_t width, Py_ssize_t prec, int left) {
    if (len < 0) len = c_strlen(s);
    if (prec >= 0 && len > prec) len = prec; /* may cut a UTF-8 sequence, as CPython */
    if (!left && width > len) buf_pad(b, ' ', width - len);
    buf_put(b, s, len);
    if (left && width > len) buf_pad(b, ' ', width - len);
}

static int put_obj(Buf *b, PyObject *o, Py_ssize_t width, Py_ssize_t prec, int left) {
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(o, &n);
    if (s == NULL) return -1;
    put_str(b, s, n, width, prec, left);
    return 0;
}

PyObject *PyUnicode_FromFormatV(const char *format, va_list vargs) {
    Buf b = {0, 0, 0, 0};
    va_list va;
    va_copy(va, vargs);
    buf_put(&b, "", 0);
    for (const char *f = format; *f; f++) {
        if (*f != '%') {
            const char *start = f;
            while (f[1] && f[1] != '%') f++;
            buf_put(&b, start, f - start + 1);
            continue;
        }
        f++;
        if (*f == '%') { buf_put(&b, "%", 1); continue; }
        int left = 0, zero = 0;
        Py_ssize_t width = -1, prec = -1;
        for (;; f++) {
            if (*f == '-') left = 1;
            else if (*f == '0') zero = 1;
            else break;
        }
        if (*f >= '0' && *f <= '9') { width = 0; while (*f >= '0' && *f <= '9') width = width * 10 + (*f++ - '0'); }
        if (*f == '.') { f++; prec = 0; while (*f >= '0' && *f <= '9') prec = prec * 10 + (*f++ - '0'); }
        int lng = 0, sz = 0;
        if (*f == 'l') { lng = 1; f++; if (*f == 'l') { lng = 2; f++; } }
        else if (*f == 'z') { sz = 1; f++; }
        switch (*f) {
        case 'c': { int c = va_arg(va, int); PyObject *ch = PyUnicode_FromOrdinal(c);
                    if (ch == NULL || put_obj(&b, ch, -1, -1, 0) < 0) goto fail;
                    Py_DECREF(ch);
                    break; }
        case 'd': case 'i': {
            long long v = lng == 2 ? va_arg(va, long long) : lng == 1 ? va_arg(va, long)
                        : sz ? (long long)va_arg(va, Py_ssize_t) : va_arg(va, int);
            put_number(&b, v, 0, 1, 10, width, zero, left); break; }
        case 'u': case 'x': {
            unsigned long long v = lng == 2 ? va_arg(va, unsigned long long) : lng == 1 ? va_arg(va, unsigned long)
                                 : sz ? (unsigned long long)va_arg(va, size_t) : va_arg(va, unsigned int);
            put_number(&b, 0, v, 0, *f == 'x' ? 16 : 10, width, zero, left); break; }
        case 'p': { void *p = va_arg(va, void *); buf_put(&b, "0x", 2);
                    put_number(&b, 0, (unsigned long long)(uintptr_t)p, 0, 16, -1, 0, 0); break; }
        case 's': { const char *s = va_arg(va, const char *); put_str(&b, s ? s : "(null)", -1, width, prec, left); break; }
        case 'U': { PyObject *o = va_arg(va, PyObject *); if (put_obj(&b, o, width, prec, left) < 0) goto fail; break; }
        case 'V': { PyObject *o = va_arg(va, PyObject *); const char *s = va_arg(va, const char *);
                    if (o) { if (put_obj(&b, o, width, prec, left) < 0) goto fail; }
                    else put_str(&b, s, -1, width, prec, left);
                    break; }
        case 'S': case 'R': case 'A': {
            PyObject *o = va_arg(va, PyObject *);
            PyObject *s = *f == 'S' ? PyObject_Str(o) : *f == 'R' ? PyObject_Repr(o) : PyObject_ASCII(o);
            if (s == NULL || put_obj(&b, s, width, prec, left) < 0) goto fail;
            Py_DECREF(s); break; }
        default:
            /* Unknown conversion: copy the rest of the format verbatim. */
            buf_put(&b, f - 1, c_strlen(f - 1));
            goto done;
        }
    }
done:
    va_end(va);
    if (b.failed) { PyMem_Free(b.p); return PyErr_NoMemory(); }
    {
        PyObject *r = PyUnicode_FromStringAndSize(b.p, b.len);
        PyMem_Free(b.p);
        return r;
    }
fail:
    va_end(va);
    PyMem_Free(b.p);
    return NULL;
}

PyObject *PyUnicode_FromFormat(const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *r = PyUnicode_FromFormatV(format, va);
    va_end(va);
    return r;
}

PyObject *PyErr_FormatV(PyObject *type, const char *format, va_list vargs) {
    PyObject *msg = PyUnicode_FromFormatV(format, vargs);
    if (msg != NULL) {
        PyErr_SetObject(type, msg);
        Py_DECREF(msg);
    }
    return NULL;
}

PyObject *PyErr_Format(PyObject *type, const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyErr_FormatV(type, format, va);
    va_end(va);
    return NULL;
}

/* Formats the message, then warns as PyErr_WarnEx (0, or -1 with the
 * formatting error set). */
int PyErr_WarnFormat(PyObject *category, Py_ssize_t stack_level, const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *msg = PyUnicode_FromFormatV(format, va);
    va_end(va);
    if (msg == NULL) {
        return -1;
    }
    const char *text = PyUnicode_AsUTF8(msg);
    int r = text == NULL ? -1 : PyErr_WarnEx(category, text, stack_level);
    Py_DECREF(msg);
    return r;
}

/* ------------------------------------------------------- Py_BuildValue */

static PyObject *build_one(const char **pf, va_list *va);

/* Count the items up to `end` at the current nesting level. */
static Py_ssize_t count_items(const char *f, char end) {
    Py_ssize_t n = 0;
    int level = 0;
    for (; *f; f++) {
        if (level == 0 && *f == end) return n;
        switch (*f) {
        case '(': case '[': case '{': if (level == 0) n++; level++; break;
        case ')': case ']': case '}': level--; break;
        case '#': case '&': case ',': case ':': case ' ': case '\t': break;
        default: if (level == 0) n++;
        }
    }
    return end ? -1 : n;
}

static PyObject *build_seq(const char **pf, va_list *va, char end, int is_list, Py_ssize_t n) {
    PyObject *seq = is_list ? PyList_New(n) : PyTuple_New(n);
    if (seq == NULL) return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = build_one(pf, va);
        if (item == NULL) { Py_DECREF(seq); return NULL; }
        if (is_list) PyList_SetItem(seq, i, item); else PyTuple_SetItem(seq, i, item);
    }
    while (**pf == ',' || **pf == ' ' || **pf == '\t' || **pf == ':') (*pf)++;
    if (end) {
        if (**pf != end) { Py_DECREF(seq); PyErr_SetString(PyExc_SystemError, "unmatched paren in format"); return NULL; }
        (*pf)++;
    }
    return seq;
}

static PyObject *build_dict(const char **pf, va_list *va, Py_ssize_t n) {
    PyObject *d = PyDict_New();
    if (d == NULL) return NULL;
    for (Py_ssize_t i = 0; i + 1 < n + 1 && i < n; i += 2) {
        PyObject *k = build_one(pf, va);
        PyObject *v = k ? build_one(pf, va) : NULL;
        if (k == NULL || v == NULL || PyDict_SetItem(d, k, v) < 0) {
            Py_XDECREF(k); Py_XDECREF(v); Py_DECREF(d); return NULL;
        }
        Py_DECREF(k); Py_DECREF(v);
    }
    while (**pf == ',' || **pf == ' ' || **pf == ':') (*pf)++;
    if (**pf != '}') { Py_DECREF(d); PyErr_SetString(PyExc_SystemError, "unmatched paren in format"); return NULL; }
    (*pf)++;
    return d;
}

static PyObject *build_one(const char **pf, va_list *va) {
    for (;;) {
        char c = *(*pf)++;
        switch (c) {
        case '(': return build_seq(pf, va, ')', 0, count_items(*pf, ')'));
        case '[': return build_seq(pf, va, ']', 1, count_items(*pf, ']'));
        case '{': return build_dict(pf, va, count_items(*pf, '}'));
        case 'b': case 'B': case 'h': case 'i': return PyLong_FromLong(va_arg(*va, int));
        case 'H': case 'I': return PyLong_FromUnsignedLong(va_arg(*va, unsigned int));
        case 'l': return PyLong_FromLong(va_arg(*va, long));
        case 'k': return PyLong_FromUnsignedLong(va_arg(*va, unsigned long));
        case 'L': return PyLong_FromLongLong(va_arg(*va, long long));
        case 'K': return PyLong_FromUnsignedLongLong(va_arg(*va, unsigned long long));
        case 'n': return PyLong_FromSsize_t(va_arg(*va, Py_ssize_t));
        case 'd': case 'f': return PyFloat_FromDouble(va_arg(*va, double));
        case 'p': return PyBool_FromLong(va_arg(*va, int));
        case 'c': { char ch = (char)va_arg(*va, int); return PyBytes_FromStringAndSize(&ch, 1); }
        case 'C': return PyUnicode_FromOrdinal(va_arg(*va, int));
        case 's': case 'z': case 'U': case 'y': {
            const char *s = va_arg(*va, const char *);
            Py_ssize_t n = -1;
            if (**pf == '#') { (*pf)++; n = va_arg(*va, Py_ssize_t); }
            if (s == NULL) { if (c == 'y') { PyErr_SetString(PyExc_SystemError, "NULL string passed to Py_BuildValue"); return NULL; } Py_RETURN_NONE; }
            if (n < 0) n = c_strlen(s);
            return c == 'y' ? PyBytes_FromStringAndSize(s, n) : PyUnicode_FromStringAndSize(s, n);
        }
        case 'N': case 'S': case 'O': {
            if (**pf == '&') {
                (*pf)++;
                PyObject *(*conv)(void *) = va_arg(*va, PyObject *(*)(void *));
                return conv(va_arg(*va, void *));
            }
            PyObject *o = va_arg(*va, PyObject *);
            if (o == NULL) {
                if (!PyErr_Occurred()) PyErr_SetString(PyExc_SystemError, "NULL object passed to Py_BuildValue");
                return NULL;
            }
            if (c != 'N') Py_INCREF(o);
            return o;
        }
        case ',': case ' ': case '\t': case ':': continue;
        default:
            PyErr_SetString(PyExc_SystemError, "bad format char passed to Py_BuildValue");
            return NULL;
        }
    }
}

PyObject *Py_VaBuildValue(const char *format, va_list vargs) {
    va_list va;
    va_copy(va, vargs);
    const char *f = format;
    Py_ssize_t n = count_items(f, 0);
    PyObject *r;
    if (n == 0) { r = Py_None; Py_INCREF(r); }
    else if (n == 1) r = build_one(&f, &va);
    else r = build_seq(&f, &va, 0, 0, n);
    va_end(va);
    return r;
}

PyObject *Py_BuildValue(const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *r = Py_VaBuildValue(format, va);
    va_end(va);
    return r;
}

/* ------------------------------------------------------ PyArg_Parse* */

typedef struct {
    const char *fname;   /* from ":name", or NULL */
    const char *message; /* from ";message", or NULL */
} ParseInfo;

static void parse_info(const char *format, ParseInfo *pi) {
    pi->fname = NULL;
    pi->message = NULL;
    for (const char *f = format; *f; f++) {
        if (*f == ':') { pi->fname = f + 1; return; }
        if (*f == ';') { pi->message = f + 1; return; }
    }
}

/* "name() argument N must be X, not Y" */
static void arg_type_error(const ParseInfo *pi, Py_ssize_t iarg, const char *kwname, const char *expected, PyObject *arg) {
    if (pi->message) { PyErr_SetString(PyExc_TypeError, pi->message); return; }
    PyObject *tname = PyType_GetName(Py_TYPE(arg));
    const char *actual = arg == Py_None ? "None" : tname ? PyUnicode_AsUTF8(tname) : "?";
    if (kwname)
        PyErr_Format(PyExc_TypeError, "%s%sargument '%s' must be %s, not %s",
                     pi->fname ? pi->fname : "", pi->fname ? "() " : "", kwname, expected, actual);
    else
        PyErr_Format(PyExc_TypeError, "%s%sargument %zd must be %s, not %s",
                     pi->fname ? pi->fname : "", pi->fname ? "() " : "", iarg, expected, actual);
    Py_XDECREF(tname);
}

/* Buffers acquired by y*, s*, w* units: released again if a later
 * argument fails to convert. */
#define MAX_ACQUIRED 16
typedef struct {
    Py_buffer *views[MAX_ACQUIRED];
    int n;
} Acquired;

static void release_acquired(Acquired *acq) {
    for (int i = 0; i < acq->n; i++) PyBuffer_Release(acq->views[i]);
    acq->n = 0;
}

/* y* (contiguous bytes-like), s* (str as UTF-8, or bytes-like), w*
 * (writable contiguous bytes-like): fill *view. */
static int buffer_unit(PyObject *arg, char c, Py_buffer *view, const ParseInfo *pi, Py_ssize_t iarg,
                       const char *kwname, Acquired *acq) {
    if (acq->n >= MAX_ACQUIRED) {
        PyErr_SetString(PyExc_SystemError, "too many buffer arguments");
        return -1;
    }
    if (c == 'z' && arg == Py_None) {
        if (PyBuffer_FillInfo(view, NULL, NULL, 0, 1, 0) < 0) return -1;
        return 0;
    }
    if ((c == 's' || c == 'z') && PyUnicode_Check(arg)) {
        Py_ssize_t n;
        const char *u = PyUnicode_AsUTF8AndSize(arg, &n);
        if (u == NULL) return -1;
        if (PyBuffer_FillInfo(view, arg, (void *)u, n, 1, 0) < 0) return -1;
        acq->views[acq->n++] = view;
        return 0;
    }
    if (PyObject_GetBuffer(arg, view, c == 'w' ? PyBUF_WRITABLE : PyBUF_SIMPLE) < 0) {
        /* y*, s*: the exporter's error stands (as CPython's); w*: replaced. */
        if (c != 'w') return -1;
        PyErr_Clear();
        arg_type_error(pi, iarg, kwname, "read-write bytes-like object", arg);
        return -1;
    }
    if (!PyBuffer_IsContiguous(view, 'C')) {
        PyBuffer_Release(view);
        arg_type_error(pi, iarg, kwname, "contiguous buffer", arg);
        return -1;
    }
    acq->views[acq->n++] = view;
    return 0;
}

/* Store one argument per its format unit; advances *pf. 0 ok, -1 error. */
static int convert_one(PyObject *arg, const char **pf, va_list *va, const ParseInfo *pi, Py_ssize_t iarg,
                       const char *kwname, int skip, Acquired *acq) {
    char c = *(*pf)++;
    switch (c) {
    case 'b': case 'B': case 'h': case 'H': case 'i': case 'I': case 'l': case 'k': case 'n':
    case 'L': case 'K': case 'c': case 'C': case 'd': case 'f': case 'p': case 's': case 'z':
    case 'y': case 'O': case 'S': case 'U': case 'D': case 'w':
        break;
    default:
        PyErr_Format(PyExc_SystemError, "bad format string: %s", *pf - 1);
        return -1;
    }
    if (c == 'w' && **pf != '*') {
        PyErr_Format(PyExc_SystemError, "bad format string: %s", *pf - 1);
        return -1;
    }
    if (skip) {
        /* Optional argument not given: consume the pointers, store nothing. */
        switch (c) {
        case 'O':
            if (**pf == '!') { (*pf)++; (void)va_arg(*va, void *); }
            else if (**pf == '&') { (*pf)++; (void)va_arg(*va, void *); }
            (void)va_arg(*va, void *);
            return 0;
        case 's': case 'z': case 'y': case 'w':
            (void)va_arg(*va, void *);
            if (**pf == '#') { (*pf)++; (void)va_arg(*va, void *); }
            else if (**pf == '*') (*pf)++;
            return 0;
        default:
            (void)va_arg(*va, void *);
            return 0;
        }
    }
    switch (c) {
    case 'b': case 'h': case 'i': {
        long v = PyLong_AsLong(arg);
        if (v == -1 && PyErr_Occurred()) return -1;
        long lo = c == 'b' ? 0 : c == 'h' ? -32768 : INT_MIN;
        long hi = c == 'b' ? 255 : c == 'h' ? 32767 : INT_MAX;
        if (v < lo || v > hi) {
            const char *what = c == 'b' ? "unsigned byte integer" : c == 'h' ? "signed short integer" : "signed integer";
            PyErr_Format(PyExc_OverflowError, "%s is %s", what, v < lo ? "less than minimum" : "greater than maximum");
            return -1;
        }
        if (c == 'b') *va_arg(*va, unsigned char *) = (unsigned char)v;
        else if (c == 'h') *va_arg(*va, short *) = (short)v;
        else *va_arg(*va, int *) = (int)v;
        return 0;
    }
    case 'B': case 'H': case 'I': case 'k': {
        if (c == 'k' && !PyLong_Check(arg)) { arg_type_error(pi, iarg, kwname, "int", arg); return -1; }
        unsigned long v = PyLong_AsUnsignedLongMask(arg);
        if (v == (unsigned long)-1 && PyErr_Occurred()) return -1;
        if (c == 'B') *va_arg(*va, unsigned char *) = (unsigned char)v;
        else if (c == 'H') *va_arg(*va, unsigned short *) = (unsigned short)v;
        else if (c == 'I') *va_arg(*va, unsigned int *) = (unsigned int)v;
        else *va_arg(*va, unsigned long *) = v;
        return 0;
    }
    case 'l': { long v = PyLong_AsLong(arg); if (v == -1 && PyErr_Occurred()) return -1; *va_arg(*va, long *) = v; return 0; }
    case 'n': {
        PyObject *i = PyNumber_Index(arg);
        if (i == NULL) return -1;
        Py_ssize_t v = PyLong_AsSsize_t(i);
        Py_DECREF(i);
        if (v == -1 && PyErr_Occurred()) return -1;
        *va_arg(*va, Py_ssize_t *) = v; return 0; }
    case 'L': { long long v = PyLong_AsLongLong(arg); if (v == -1 && PyErr_Occurred()) return -1; *va_arg(*va, long long *) = v; return 0; }
    case 'K': {
        if (!PyLong_Check(arg)) { arg_type_error(pi, iarg, kwname, "int", arg); return -1; }
        *va_arg(*va, unsigned long long *) = PyLong_AsUnsignedLongLongMask(arg); return 0; }
    case 'd': case 'f': {
        double v = PyFloat_AsDouble(arg);
        if (v == -1.0 && PyErr_Occurred()) return -1;
        if (c == 'd') *va_arg(*va, double *) = v; else *va_arg(*va, float *) = (float)v;
        return 0; }
    case 'p': { int v = PyObject_IsTrue(arg); if (v < 0) return -1; *va_arg(*va, int *) = v; return 0; }
    case 'c': {
        char *out = va_arg(*va, char *);
        if (PyBytes_Check(arg) && PyBytes_Size(arg) == 1) { *out = PyBytes_AsString(arg)[0]; return 0; }
        arg_type_error(pi, iarg, kwname, "a byte string of length 1", arg); return -1; }
    case 'C': {
        int *out = va_arg(*va, int *);
        if (PyUnicode_Check(arg) && PyUnicode_GetLength(arg) == 1) {
            const unsigned char *s = (const unsigned char *)PyUnicode_AsUTF8(arg);
            int cp = s[0];
            if (cp >= 0xF0) cp = ((s[0] & 7) << 18) | ((s[1] & 63) << 12) | ((s[2] & 63) << 6) | (s[3] & 63);
            else if (cp >= 0xE0) cp = ((s[0] & 15) << 12) | ((s[1] & 63) << 6) | (s[2] & 63);
            else if (cp >= 0xC0) cp = ((s[0] & 31) << 6) | (s[1] & 63);
            *out = cp; return 0; }
        arg_type_error(pi, iarg, kwname, "a unicode character", arg); return -1; }
    case 's': case 'z': case 'y': case 'w':
        if (**pf == '*') {
            (*pf)++;
            return buffer_unit(arg, c, va_arg(*va, Py_buffer *), pi, iarg, kwname, acq);
        }
        /* fall through */
    {
        const char **out = va_arg(*va, const char **);
        int has_len = **pf == '#';
        if (has_len) (*pf)++;
        Py_ssize_t *plen = has_len ? va_arg(*va, Py_ssize_t *) : NULL;
        if (c == 'z' && arg == Py_None) { *out = NULL; if (plen) *plen = 0; return 0; }
        Py_ssize_t n;
        const char *s;
        if (c == 'y') {
            if (!PyBytes_Check(arg)) { arg_type_error(pi, iarg, kwname, "bytes", arg); return -1; }
            s = PyBytes_AsString(arg); n = PyBytes_Size(arg);
        } else {
            if (!PyUnicode_Check(arg)) { arg_type_error(pi, iarg, kwname, c == 'z' ? "str or None" : "str", arg); return -1; }
            s = PyUnicode_AsUTF8AndSize(arg, &n);
            if (s == NULL) return -1;
        }
        if (!has_len && (Py_ssize_t)c_strlen(s) != n) {
            PyErr_SetString(PyExc_ValueError, c == 'y' ? "embedded null byte" : "embedded null character");
            return -1;
        }
        *out = s;
        if (plen) *plen = n;
        return 0; }
    case 'S': if (!PyBytes_Check(arg)) { arg_type_error(pi, iarg, kwname, "bytes", arg); return -1; }
              *va_arg(*va, PyObject **) = arg; return 0;
    case 'U': if (!PyUnicode_Check(arg)) { arg_type_error(pi, iarg, kwname, "str", arg); return -1; }
              *va_arg(*va, PyObject **) = arg; return 0;
    case 'O':
        if (**pf == '!') {
            (*pf)++;
            PyTypeObject *t = va_arg(*va, PyTypeObject *);
            PyObject **out = va_arg(*va, PyObject **);
            if (!PyObject_TypeCheck(arg, t)) {
                arg_type_error(pi, iarg, kwname, _PyType_Name(t), arg);
                return -1;
            }
            *out = arg;
            return 0;
        }
        if (**pf == '&') {
            (*pf)++;
            int (*conv)(PyObject *, void *) = va_arg(*va, int (*)(PyObject *, void *));
            void *addr = va_arg(*va, void *);
            return conv(arg, addr) ? 0 : -1;
        }
        *va_arg(*va, PyObject **) = arg;
        return 0;
    }
    return -1;
}

/* Count the format units (arguments) in a format, up to ':' or ';'. */
static void count_units(const char *f, int *min, int *max, int *kwonly_from) {
    int n = 0, opt = -1, kw = -1;
    for (; *f && *f != ':' && *f != ';'; f++) {
        switch (*f) {
        case '|': opt = n; break;
        case '$': kw = n; break;
        case '#': case '!': case '&': case '*': case ' ': break;
        case '(': case ')': break;
        default: n++;
        }
    }
    *max = n;
    *min = opt < 0 ? n : opt;
    *kwonly_from = kw < 0 ? n : kw;
}

static int vparse(PyObject *args, PyObject *kw, const char *format, char **kwlist, va_list *va) {
    ParseInfo pi;
    parse_info(format, &pi);
    if (args == NULL || !PyTuple_Check(args)) {
        PyErr_SetString(PyExc_SystemError, "new style getargs format but argument is not a tuple");
        return 0;
    }
    int min, max, kwonly;
    count_units(format, &min, &max, &kwonly);
    Py_ssize_t nargs = PyTuple_Size(args);
    Py_ssize_t nkw = kw ? PyDict_Size(kw) : 0;
    const char *fname = pi.fname ? pi.fname : "function";
    const char *paren = pi.fname ? "()" : "";
    if (kwlist == NULL) {
        if (nargs < min || nargs > max) {
            if (pi.message) PyErr_SetString(PyExc_TypeError, pi.message);
            else PyErr_Format(PyExc_TypeError, "%s%s takes %s %d argument%s (%zd given)", fname, paren,
                              min == max ? "exactly" : nargs < min ? "at least" : "at most",
                              nargs < min ? min : max, (nargs < min ? min : max) == 1 ? "" : "s", nargs);
            return 0;
        }
    } else {
        if (nargs + nkw > max) {
            PyErr_Format(PyExc_TypeError, "%s%s takes at most %d %sargument%s (%zd given)", fname, paren,
                         max, nargs == 0 ? "keyword " : "", max == 1 ? "" : "s", nargs + nkw);
            return 0;
        }
        if (nargs > kwonly) {
            PyErr_Format(PyExc_TypeError, "%s%s takes %s %d positional argument%s (%zd given)", fname, paren,
                         min < kwonly ? "at most" : "exactly", kwonly, kwonly == 1 ? "" : "s", nargs);
            return 0;
        }
    }
    const char *f = format;
    Py_ssize_t used_kw = 0;
    Acquired acq;
    acq.n = 0;
    for (int i = 0; i < max; i++) {
        while (*f == '|' || *f == '$' || *f == ' ') f++;
        PyObject *arg = NULL;
        const char *kwname = NULL;
        if (i < nargs) {
            arg = PyTuple_GetItem(args, i);
            if (kw && kwlist && kwlist[i] && *kwlist[i] && PyDict_GetItemString(kw, kwlist[i])) {
                PyErr_Format(PyExc_TypeError, "argument for %s%s given by name ('%s') and position (%d)",
                             fname, paren, kwlist[i], i + 1);
                { release_acquired(&acq); return 0; }
            }
        } else if (kw && kwlist && kwlist[i]) {
            arg = PyDict_GetItemString(kw, kwlist[i]);
            if (arg) { used_kw++; kwname = kwlist[i]; }
        }
        if (arg == NULL && i < min) {
            if (kwlist && kwlist[i] && *kwlist[i])
                PyErr_Format(PyExc_TypeError, "%s%s missing required argument '%s' (pos %d)", fname, paren,
                             kwlist[i], i + 1);
            else
                PyErr_Format(PyExc_TypeError, "%s%s takes %s %d positional argument%s (%zd given)", fname,
                             paren, min < kwonly ? "at least" : "exactly", min, min == 1 ? "" : "s", nargs);
            { release_acquired(&acq); return 0; }
        }
        if (convert_one(arg, &f, va, &pi, i + 1, kwname, arg == NULL, &acq) < 0) { release_acquired(&acq); return 0; }
    }
    if (kw && used_kw < nkw) {
        /* Find the keyword that matched nothing. */
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(kw, &pos, &key, &value)) {
            const char *k = PyUnicode_Check(key) ? PyUnicode_AsUTF8(key) : NULL;
            int found = 0;
            for (int i = 0; kwlist && i < max && kwlist[i]; i++) {
                const char *a = kwlist[i], *b = k;
                while (b && *a && *a == *b) { a++; b++; }
                if (b && *a == 0 && *b == 0 && i >= nargs) { found = 1; break; }
                if (b && *a == 0 && *b == 0 && i < nargs) { found = 1; break; }
            }
            if (!found) {
                if (k == NULL) PyErr_SetString(PyExc_TypeError, "keywords must be strings");
                else PyErr_Format(PyExc_TypeError, "'%s' is an invalid keyword argument for %s%s",
                                  k, pi.fname ? fname : "this function", paren);
                { release_acquired(&acq); return 0; }
            }
        }
    }
    return 1;
}

int PyArg_VaParse(PyObject *args, const char *format, va_list vargs) {
    va_list va;
    va_copy(va, vargs);
    int r = vparse(args, NULL, format, NULL, &va);
    va_end(va);
    return r;
}

int PyArg_ParseTuple(PyObject *args, const char *format, ...) {
    va_list va;
    va_start(va, format);
    int r = vparse(args, NULL, format, NULL, &va);
    va_end(va);
    return r;
}

int PyArg_VaParseTupleAndKeywords(PyObject *args, PyObject *kw, const char *format, char **kwlist, va_list vargs) {
    va_list va;
    va_copy(va, vargs);
    if (kwlist == NULL) { PyErr_BadInternalCall(); va_end(va); return 0; }
    int r = vparse(args, kw, format, kwlist, &va);
    va_end(va);
    return r;
}

int PyArg_ParseTupleAndKeywords(PyObject *args, PyObject *kw, const char *format, char **kwlist, ...) {
    va_list va;
    va_start(va, kwlist);
    int r = PyArg_VaParseTupleAndKeywords(args, kw, format, kwlist, va);
    va_end(va);
    return r;
}

int PyArg_UnpackTuple(PyObject *args, const char *name, Py_ssize_t min, Py_ssize_t max, ...) {
    if (args == NULL || !PyTuple_Check(args)) {
        PyErr_SetString(PyExc_SystemError, "PyArg_UnpackTuple() argument list is not a tuple");
        return 0;
    }
    Py_ssize_t n = PyTuple_Size(args);
    if (n < min || n > max) {
        if (name)
            PyErr_Format(PyExc_TypeError, "%s expected %s%zd argument%s, got %zd", name,
                         min == max ? "" : n < min ? "at least " : "at most ", n < min ? min : max,
                         (n < min ? min : max) == 1 ? "" : "s", n);
        else
            PyErr_Format(PyExc_TypeError, "unpacked tuple should have %s%zd element%s, but has %zd",
                         min == max ? "" : n < min ? "at least " : "at most ", n < min ? min : max,
                         (n < min ? min : max) == 1 ? "" : "s", n);
        return 0;
    }
    va_list va;
    va_start(va, max);
    for (Py_ssize_t i = 0; i < n; i++) *va_arg(va, PyObject **) = PyTuple_GetItem(args, i);
    va_end(va);
    return 1;
}

int PyArg_ValidateKeywordArguments(PyObject *kw) {
    if (!PyDict_Check(kw)) { PyErr_BadInternalCall(); return 0; }
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    while (PyDict_Next(kw, &pos, &k, &v)) {
        if (!PyUnicode_Check(k)) { PyErr_SetString(PyExc_TypeError, "keywords must be strings"); return 0; }
    }
    return 1;
}

/* --------------------------------------------------------------- calls */

/* Arguments from a build format: always a tuple (a single value is wrapped). */
static PyObject *args_from_format(const char *format, va_list *va) {
    if (format == NULL || *format == 0) return PyTuple_New(0);
    PyObject *v = Py_VaBuildValue(format, *va);
    if (v == NULL || PyTuple_Check(v)) return v;
    PyObject *t = PyTuple_New(1);
    if (t == NULL) { Py_DECREF(v); return NULL; }
    PyTuple_SetItem(t, 0, v);
    return t;
}

PyObject *PyObject_CallFunction(PyObject *callable, const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *args = args_from_format(format, &va);
    va_end(va);
    if (args == NULL) return NULL;
    PyObject *r = PyObject_Call(callable, args, NULL);
    Py_DECREF(args);
    return r;
}

PyObject *_PyFerro_CallMethodTuple(PyObject *o, const char *name, PyObject *args);
PyObject *_PyFerro_CallMethodObj(PyObject *o, PyObject *name, PyObject *args);

PyObject *PyObject_CallMethod(PyObject *obj, const char *name, const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *args = args_from_format(format, &va);
    va_end(va);
    if (args == NULL) return NULL;
    PyObject *r = _PyFerro_CallMethodTuple(obj, name, args);
    Py_DECREF(args);
    return r;
}

static PyObject *tuple_from_objargs(va_list *va) {
    va_list count;
    va_copy(count, *va);
    Py_ssize_t n = 0;
    while (va_arg(count, PyObject *) != NULL) n++;
    va_end(count);
    PyObject *t = PyTuple_New(n);
    if (t == NULL) return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *o = va_arg(*va, PyObject *);
        Py_INCREF(o);
        PyTuple_SetItem(t, i, o);
    }
    return t;
}

PyObject *PyObject_CallFunctionObjArgs(PyObject *callable, ...) {
    va_list va;
    va_start(va, callable);
    PyObject *args = tuple_from_objargs(&va);
    va_end(va);
    if (args == NULL) return NULL;
    PyObject *r = PyObject_Call(callable, args, NULL);
    Py_DECREF(args);
    return r;
}

PyObject *PyObject_CallMethodObjArgs(PyObject *obj, PyObject *name, ...) {
    va_list va;
    va_start(va, name);
    PyObject *args = tuple_from_objargs(&va);
    va_end(va);
    if (args == NULL) return NULL;
    PyObject *r = _PyFerro_CallMethodObj(obj, name, args);
    Py_DECREF(args);
    return r;
}

PyObject *PyTuple_Pack(Py_ssize_t n, ...) {
    PyObject *t = PyTuple_New(n);
    if (t == NULL) return NULL;
    va_list va;
    va_start(va, n);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *o = va_arg(va, PyObject *);
        Py_INCREF(o);
        PyTuple_SetItem(t, i, o);
    }
    va_end(va);
    return t;
}
