/* The buffer protocol: PyObject_GetBuffer/PyBuffer_Release on core objects,
 * C types exporting buffers (a spec type with Py_bf_getbuffer and a static
 * type with tp_as_buffer), the PyBuffer_* helpers, PyObject_CopyData, the
 * PyMemoryView_* constructors and the y*, s*, w* units of PyArg_Parse. */
#include <Python.h>
#include <string.h>

/* ------------------------------------------------ a spec type: Matrix */

/* A rows x cols matrix of doubles (or its bytes), counting its exports. */
typedef struct {
    PyObject_HEAD
    Py_ssize_t rows, cols;
    double data[12];
    Py_ssize_t shape[2];
    Py_ssize_t strides[2];
    int exports;
    int releases;
    int readonly;
} MatrixObject;

static PyObject *Matrix_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    Py_ssize_t rows = 2, cols = 3;
    int readonly = 0;
    if (!PyArg_ParseTuple(args, "|nnp", &rows, &cols, &readonly)) return NULL;
    if (rows < 0 || cols < 0 || rows * cols > 12) {
        PyErr_SetString(PyExc_ValueError, "at most 12 items");
        return NULL;
    }
    allocfunc alloc = (allocfunc)PyType_GetSlot(type, Py_tp_alloc);
    MatrixObject *self = (MatrixObject *)alloc(type, 0);
    if (self == NULL) return NULL;
    self->rows = rows;
    self->cols = cols;
    for (Py_ssize_t i = 0; i < rows * cols; i++) self->data[i] = (double)i + 0.5;
    self->exports = 0;
    self->releases = 0;
    self->readonly = readonly;
    return (PyObject *)self;
}

static int Matrix_getbuffer(PyObject *op, Py_buffer *view, int flags) {
    MatrixObject *self = (MatrixObject *)op;
    if ((flags & PyBUF_WRITABLE) && self->readonly) {
        PyErr_SetString(PyExc_BufferError, "Matrix is read-only");
        return -1;
    }
    self->shape[0] = self->rows;
    self->shape[1] = self->cols;
    self->strides[0] = self->cols * (Py_ssize_t)sizeof(double);
    self->strides[1] = sizeof(double);
    view->buf = self->data;
    view->obj = Py_NewRef(op);
    view->len = self->rows * self->cols * (Py_ssize_t)sizeof(double);
    view->itemsize = sizeof(double);
    view->readonly = self->readonly;
    view->ndim = 2;
    view->format = (flags & PyBUF_FORMAT) ? "d" : NULL;
    view->shape = (flags & PyBUF_ND) ? self->shape : NULL;
    view->strides = ((flags & PyBUF_STRIDES) == PyBUF_STRIDES) ? self->strides : NULL;
    view->suboffsets = NULL;
    view->internal = (void *)0x1234;
    if (!(flags & PyBUF_ND)) view->ndim = 1;
    self->exports++;
    return 0;
}

static void Matrix_releasebuffer(PyObject *op, Py_buffer *view) {
    MatrixObject *self = (MatrixObject *)op;
    if (view->internal != (void *)0x1234) {
        PyErr_SetString(PyExc_SystemError, "internal changed");
        return;
    }
    self->exports--;
    self->releases++;
}

static PyObject *Matrix_get_exports(PyObject *op, void *closure) {
    return PyLong_FromLong(((MatrixObject *)op)->exports);
}

static PyObject *Matrix_get_releases(PyObject *op, void *closure) {
    return PyLong_FromLong(((MatrixObject *)op)->releases);
}

static PyGetSetDef Matrix_getset[] = {
    {"exports", Matrix_get_exports, NULL, NULL, NULL},
    {"releases", Matrix_get_releases, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot Matrix_slots[] = {
    {Py_tp_new, Matrix_new},
    {Py_tp_getset, Matrix_getset},
    {Py_bf_getbuffer, Matrix_getbuffer},
    {Py_bf_releasebuffer, Matrix_releasebuffer},
    {0, NULL},
};

static PyType_Spec Matrix_spec = {
    "buffers.Matrix", sizeof(MatrixObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, Matrix_slots,
};

/* --------------------------------------- a static type: Blob (bytes) */

typedef struct {
    PyObject_HEAD
    char text[16];
} BlobObject;

static int Blob_getbuffer(PyObject *op, Py_buffer *view, int flags) {
    BlobObject *self = (BlobObject *)op;
    return PyBuffer_FillInfo(view, op, self->text, (Py_ssize_t)strlen(self->text), 1, flags);
}

static PyObject *Blob_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    const char *s = "blob";
    if (!PyArg_ParseTuple(args, "|s", &s)) return NULL;
    BlobObject *self = (BlobObject *)type->tp_alloc(type, 0);
    if (self == NULL) return NULL;
    strncpy(self->text, s, sizeof(self->text) - 1);
    self->text[sizeof(self->text) - 1] = 0;
    return (PyObject *)self;
}

static PyBufferProcs Blob_as_buffer = {Blob_getbuffer, NULL};

static PyTypeObject BlobType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "buffers.Blob",
    .tp_basicsize = sizeof(BlobObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = Blob_new,
    .tp_as_buffer = &Blob_as_buffer,
};

/* --------------------------------------------------------- functions */

static PyObject *ssize_tuple(int n, const Py_ssize_t *v) {
    if (v == NULL) Py_RETURN_NONE;
    PyObject *t = PyTuple_New(n);
    if (t == NULL) return NULL;
    for (int i = 0; i < n; i++) PyTuple_SetItem(t, i, PyLong_FromSsize_t(v[i]));
    return t;
}

/* info(obj, flags): what PyObject_GetBuffer fills in. */
static PyObject *info(PyObject *self, PyObject *args) {
    PyObject *o;
    int flags;
    if (!PyArg_ParseTuple(args, "Oi", &o, &flags)) return NULL;
    Py_buffer view;
    if (PyObject_GetBuffer(o, &view, flags) < 0) return NULL;
    PyObject *r = Py_BuildValue("nniisNNOi", view.len, view.itemsize, view.readonly, view.ndim,
                                view.format, ssize_tuple(view.ndim, view.shape),
                                ssize_tuple(view.ndim, view.strides),
                                view.obj == o ? Py_True : Py_False,
                                view.buf != NULL);
    PyBuffer_Release(&view);
    if (view.obj != NULL) {
        Py_XDECREF(r);
        PyErr_SetString(PyExc_SystemError, "obj not cleared");
        return NULL;
    }
    return r;
}

/* The held buffer of hold()/release() (a static Py_buffer). */
static Py_buffer held;
static int holding = 0;

static PyObject *hold(PyObject *self, PyObject *o) {
    if (holding) { PyErr_SetString(PyExc_RuntimeError, "already holding"); return NULL; }
    if (PyObject_GetBuffer(o, &held, PyBUF_WRITABLE) < 0) return NULL;
    holding = 1;
    Py_RETURN_NONE;
}

static PyObject *poke(PyObject *self, PyObject *args) {
    Py_ssize_t i;
    int v;
    if (!PyArg_ParseTuple(args, "ni", &i, &v)) return NULL;
    if (!holding || i < 0 || i >= held.len) { PyErr_SetString(PyExc_IndexError, "poke"); return NULL; }
    ((unsigned char *)held.buf)[i] = (unsigned char)v;
    Py_RETURN_NONE;
}

static PyObject *release(PyObject *self, PyObject *unused) {
    if (holding) PyBuffer_Release(&held);
    holding = 0;
    PyBuffer_Release(&held); /* a second release is a no-op (obj is NULL) */
    Py_RETURN_NONE;
}

/* contiguous(obj): PyBuffer_IsContiguous for 'C', 'F', 'A'. */
static PyObject *contiguous(PyObject *self, PyObject *o) {
    Py_buffer view;
    if (PyObject_GetBuffer(o, &view, PyBUF_FULL_RO) < 0) return NULL;
    PyObject *r = Py_BuildValue("iii", PyBuffer_IsContiguous(&view, 'C'), PyBuffer_IsContiguous(&view, 'F'),
                                PyBuffer_IsContiguous(&view, 'A'));
    PyBuffer_Release(&view);
    return r;
}

/* tocontig(obj, order): the items as bytes, in 'C' or 'F' order. */
static PyObject *tocontig(PyObject *self, PyObject *args) {
    PyObject *o;
    const char *order;
    if (!PyArg_ParseTuple(args, "Os", &o, &order)) return NULL;
    Py_buffer view;
    if (PyObject_GetBuffer(o, &view, PyBUF_FULL_RO) < 0) return NULL;
    char *buf = PyMem_Malloc(view.len + 1);
    PyObject *r = NULL;
    if (buf == NULL) { PyErr_NoMemory(); goto done; }
    if (PyBuffer_ToContiguous(buf, &view, view.len, order[0]) == 0)
        r = PyBytes_FromStringAndSize(buf, view.len);
    PyMem_Free(buf);
    if (r != NULL) {
        /* A length other than view.len is an error. */
        if (PyBuffer_ToContiguous(NULL, &view, view.len + 1, 'C') == 0) {
            Py_DECREF(r);
            PyErr_SetString(PyExc_SystemError, "no error for a wrong len");
            r = NULL;
        } else if (!PyErr_ExceptionMatches(PyExc_ValueError)) {
            Py_DECREF(r);
            r = NULL;
        } else {
            PyErr_Clear();
        }
    }
done:
    PyBuffer_Release(&view);
    return r;
}

/* fromcontig(obj, data, order): store data into obj's items in order. */
static PyObject *fromcontig(PyObject *self, PyObject *args) {
    PyObject *o;
    Py_buffer data;
    const char *order;
    if (!PyArg_ParseTuple(args, "Oy*s", &o, &data, &order)) return NULL;
    Py_buffer view;
    if (PyObject_GetBuffer(o, &view, PyBUF_FULL) < 0) { PyBuffer_Release(&data); return NULL; }
    int r = PyBuffer_FromContiguous(&view, data.buf, data.len, order[0]);
    PyBuffer_Release(&view);
    PyBuffer_Release(&data);
    if (r < 0) return NULL;
    Py_RETURN_NONE;
}

static PyObject *copydata(PyObject *self, PyObject *args) {
    PyObject *d, *s;
    if (!PyArg_ParseTuple(args, "OO", &d, &s)) return NULL;
    if (PyObject_CopyData(d, s) < 0) return NULL;
    Py_RETURN_NONE;
}

/* item(obj, i, j): the byte at PyBuffer_GetPointer(view, {i, j}). */
static PyObject *item(PyObject *self, PyObject *args) {
    PyObject *o;
    Py_ssize_t idx[2] = {0, 0};
    if (!PyArg_ParseTuple(args, "On|n", &o, &idx[0], &idx[1])) return NULL;
    Py_buffer view;
    if (PyObject_GetBuffer(o, &view, PyBUF_FULL_RO) < 0) return NULL;
    unsigned char *p = PyBuffer_GetPointer(&view, idx);
    PyObject *r = PyLong_FromLong(*p);
    PyBuffer_Release(&view);
    return r;
}

static char memory[8] = "abcdefg";

static PyObject *from_memory(PyObject *self, PyObject *args) {
    int writable;
    if (!PyArg_ParseTuple(args, "p", &writable)) return NULL;
    return PyMemoryView_FromMemory(memory, 7, writable ? PyBUF_WRITE : PyBUF_READ);
}

static PyObject *memory_bytes(PyObject *self, PyObject *unused) {
    return PyBytes_FromString(memory);
}

static Py_ssize_t fb_shape[2] = {2, 3};
static Py_ssize_t fb_strides[2] = {1, 2};

/* from_buffer(): a 2x3 Fortran-ordered view of `memory`. */
static PyObject *from_buffer(PyObject *self, PyObject *unused) {
    Py_buffer info;
    info.buf = memory;
    info.obj = NULL;
    info.len = 6;
    info.itemsize = 1;
    info.readonly = 1;
    info.ndim = 2;
    info.format = "B";
    info.shape = fb_shape;
    info.strides = fb_strides;
    info.suboffsets = NULL;
    info.internal = NULL;
    return PyMemoryView_FromBuffer(&info);
}

static PyObject *get_contiguous(PyObject *self, PyObject *args) {
    PyObject *o;
    int writable;
    const char *order;
    if (!PyArg_ParseTuple(args, "Ops", &o, &writable, &order)) return NULL;
    return PyMemoryView_GetContiguous(o, writable ? PyBUF_WRITE : PyBUF_READ, order[0]);
}

static PyObject *from_object(PyObject *self, PyObject *o) {
    return PyMemoryView_FromObject(o);
}

static PyObject *check_buffer(PyObject *self, PyObject *o) {
    return PyBool_FromLong(PyObject_CheckBuffer(o));
}

static PyObject *strides_for(PyObject *self, PyObject *args) {
    Py_ssize_t shape[3];
    Py_ssize_t strides[3];
    int itemsize;
    const char *order;
    if (!PyArg_ParseTuple(args, "nnnis", &shape[0], &shape[1], &shape[2], &itemsize, &order)) return NULL;
    PyBuffer_FillContiguousStrides(3, shape, strides, itemsize, order[0]);
    return ssize_tuple(3, strides);
}

static PyObject *fill_info(PyObject *self, PyObject *args) {
    int readonly, flags;
    if (!PyArg_ParseTuple(args, "ii", &readonly, &flags)) return NULL;
    Py_buffer view;
    if (PyBuffer_FillInfo(&view, NULL, memory, 4, readonly, flags) < 0) return NULL;
    PyObject *r = Py_BuildValue("nniisNN", view.len, view.itemsize, view.readonly, view.ndim, view.format,
                                ssize_tuple(1, view.shape), ssize_tuple(1, view.strides));
    PyBuffer_Release(&view);
    return r;
}

static PyObject *size_from_format(PyObject *self, PyObject *args) {
    const char *f;
    if (!PyArg_ParseTuple(args, "s", &f)) return NULL;
    Py_ssize_t n = PyBuffer_SizeFromFormat(f);
    if (n < 0) return NULL;
    return PyLong_FromSsize_t(n);
}

/* The y*, s*, w* units. */
static PyObject *parse_y(PyObject *self, PyObject *args) {
    Py_buffer b;
    if (!PyArg_ParseTuple(args, "y*:parse_y", &b)) return NULL;
    long sum = 0;
    for (Py_ssize_t i = 0; i < b.len; i++) sum += ((unsigned char *)b.buf)[i];
    PyObject *r = Py_BuildValue("nl", b.len, sum);
    PyBuffer_Release(&b);
    return r;
}

static PyObject *parse_s(PyObject *self, PyObject *args) {
    Py_buffer b;
    int n = 0;
    if (!PyArg_ParseTuple(args, "s*|i:parse_s", &b, &n)) return NULL;
    PyObject *r = PyBytes_FromStringAndSize(b.buf, b.len);
    PyBuffer_Release(&b);
    return r;
}

static PyObject *parse_w(PyObject *self, PyObject *args, PyObject *kwds) {
    static char *kwlist[] = {"buf", "value", NULL};
    Py_buffer b;
    int v = '*';
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "w*|i:parse_w", kwlist, &b, &v)) return NULL;
    if (b.len > 0) ((unsigned char *)b.buf)[0] = (unsigned char)v;
    Py_ssize_t n = b.len;
    PyBuffer_Release(&b);
    return PyLong_FromSsize_t(n);
}

static PyMethodDef methods[] = {
    {"info", info, METH_VARARGS, NULL},
    {"hold", hold, METH_O, NULL},
    {"poke", poke, METH_VARARGS, NULL},
    {"release", release, METH_NOARGS, NULL},
    {"contiguous", contiguous, METH_O, NULL},
    {"tocontig", tocontig, METH_VARARGS, NULL},
    {"fromcontig", fromcontig, METH_VARARGS, NULL},
    {"copydata", copydata, METH_VARARGS, NULL},
    {"item", item, METH_VARARGS, NULL},
    {"from_memory", from_memory, METH_VARARGS, NULL},
    {"memory_bytes", memory_bytes, METH_NOARGS, NULL},
    {"from_buffer", from_buffer, METH_NOARGS, NULL},
    {"get_contiguous", get_contiguous, METH_VARARGS, NULL},
    {"from_object", from_object, METH_O, NULL},
    {"check_buffer", check_buffer, METH_O, NULL},
    {"strides_for", strides_for, METH_VARARGS, NULL},
    {"fill_info", fill_info, METH_VARARGS, NULL},
    {"size_from_format", size_from_format, METH_VARARGS, NULL},
    {"parse_y", parse_y, METH_VARARGS, NULL},
    {"parse_s", parse_s, METH_VARARGS, NULL},
    {"parse_w", (PyCFunction)(void (*)(void))parse_w, METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "buffers", NULL, -1, methods,
};

PyMODINIT_FUNC PyInit_buffers(void) {
    PyObject *m = PyModule_Create(&module);
    if (m == NULL) return NULL;
    PyObject *t = PyType_FromSpec(&Matrix_spec);
    if (t == NULL || PyModule_AddObject(m, "Matrix", t) < 0) return NULL;
    if (PyType_Ready(&BlobType) < 0) return NULL;
    Py_INCREF(&BlobType);
    if (PyModule_AddObject(m, "Blob", (PyObject *)&BlobType) < 0) return NULL;
    PyModule_AddIntConstant(m, "SIMPLE", PyBUF_SIMPLE);
    PyModule_AddIntConstant(m, "WRITABLE", PyBUF_WRITABLE);
    PyModule_AddIntConstant(m, "FORMAT", PyBUF_FORMAT);
    PyModule_AddIntConstant(m, "ND", PyBUF_ND);
    PyModule_AddIntConstant(m, "STRIDES", PyBUF_STRIDES);
    PyModule_AddIntConstant(m, "C_CONTIGUOUS", PyBUF_C_CONTIGUOUS);
    PyModule_AddIntConstant(m, "F_CONTIGUOUS", PyBUF_F_CONTIGUOUS);
    PyModule_AddIntConstant(m, "ANY_CONTIGUOUS", PyBUF_ANY_CONTIGUOUS);
    PyModule_AddIntConstant(m, "FULL", PyBUF_FULL);
    PyModule_AddIntConstant(m, "FULL_RO", PyBUF_FULL_RO);
    PyModule_AddIntConstant(m, "RECORDS", PyBUF_RECORDS);
    PyModule_AddIntConstant(m, "CONTIG_RO", PyBUF_CONTIG_RO);
    return m;
}
