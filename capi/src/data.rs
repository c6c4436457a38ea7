//! Data symbols: the singletons, the builtin types and the exception types,
//! each a pointer to the core's static object (`include/object.h` and
//! `pyerrors.h` turn `Py_None`, `&PyLong_Type`, ... into these pointers).
#![allow(non_upper_case_globals)]

use ferropy_core::obj::{self, exc, TypeObj};

/// A pointer to an immortal static object, exported as a C data symbol.
#[repr(transparent)]
pub struct StaticRef(pub *const obj::ObjHead);
// SAFETY: points at an immortal static that is never written.
unsafe impl Sync for StaticRef {}

macro_rules! singletons {
    ($($sym:ident = $e:expr;)*) => {$(
        #[no_mangle]
        pub static $sym: StaticRef = StaticRef(&$e.head);
    )*};
}
singletons! {
    _Py_NoneRef = obj::NONE;
    _Py_TrueRef = obj::int::TRUE;
    _Py_FalseRef = obj::int::FALSE;
    _Py_EllipsisRef = obj::ELLIPSIS;
    _Py_NotImplementedRef = obj::NOT_IMPLEMENTED;
}

macro_rules! types {
    ($($sym:ident = $e:expr;)*) => {$(
        #[no_mangle]
        pub static $sym: &TypeObj = &$e;
    )*};
}
types! {
    _PyType_TypeRef = obj::typeobj::TYPE_TYPE;
    _PyBaseObject_TypeRef = obj::typeobj::OBJECT_TYPE;
    _PyLong_TypeRef = obj::int::INT_TYPE;
    _PyBool_TypeRef = obj::int::BOOL_TYPE;
    _PyFloat_TypeRef = obj::float::FLOAT_TYPE;
    _PyComplex_TypeRef = obj::complex::COMPLEX_TYPE;
    _PyUnicode_TypeRef = obj::str::STR_TYPE;
    _PyBytes_TypeRef = obj::bytes::BYTES_TYPE;
    _PyByteArray_TypeRef = obj::bytearray::BYTEARRAY_TYPE;
    _PyTuple_TypeRef = obj::tuple::TUPLE_TYPE;
    _PyList_TypeRef = obj::list::LIST_TYPE;
    _PyDict_TypeRef = obj::dict::DICT_TYPE;
    _PySet_TypeRef = obj::set::SET_TYPE;
    _PyFrozenSet_TypeRef = obj::set::FROZENSET_TYPE;
    _PyModule_TypeRef = obj::module::MODULE_TYPE;
    _PyCFunction_TypeRef = crate::module::CFUNCTION_TYPE;
    _PySlice_TypeRef = obj::slice::SLICE_TYPE;
    _PyRange_TypeRef = obj::range::RANGE_TYPE;
    _PyWeakref_RefTypeRef = obj::weakref::REF_TYPE;
}

types! {
    PyExc_BaseException = exc::BASE_EXCEPTION;
    PyExc_BaseExceptionGroup = exc::BASE_EXCEPTION_GROUP;
    PyExc_GeneratorExit = exc::GENERATOR_EXIT;
    PyExc_KeyboardInterrupt = exc::KEYBOARD_INTERRUPT;
    PyExc_SystemExit = exc::SYSTEM_EXIT;
    PyExc_Exception = exc::EXCEPTION;
    PyExc_ArithmeticError = exc::ARITHMETIC_ERROR;
    PyExc_FloatingPointError = exc::FLOATING_POINT_ERROR;
    PyExc_OverflowError = exc::OVERFLOW_ERROR;
    PyExc_ZeroDivisionError = exc::ZERO_DIVISION_ERROR;
    PyExc_AssertionError = exc::ASSERTION_ERROR;
    PyExc_AttributeError = exc::ATTRIBUTE_ERROR;
    PyExc_BufferError = exc::BUFFER_ERROR;
    PyExc_EOFError = exc::EOF_ERROR;
    PyExc_ExceptionGroup = exc::EXCEPTION_GROUP;
    PyExc_ImportError = exc::IMPORT_ERROR;
    PyExc_ModuleNotFoundError = exc::MODULE_NOT_FOUND_ERROR;
    PyExc_LookupError = exc::LOOKUP_ERROR;
    PyExc_IndexError = exc::INDEX_ERROR;
    PyExc_KeyError = exc::KEY_ERROR;
    PyExc_MemoryError = exc::MEMORY_ERROR;
    PyExc_NameError = exc::NAME_ERROR;
    PyExc_UnboundLocalError = exc::UNBOUND_LOCAL_ERROR;
    PyExc_OSError = exc::OS_ERROR;
    PyExc_EnvironmentError = exc::OS_ERROR;
    PyExc_IOError = exc::OS_ERROR;
    PyExc_BlockingIOError = exc::BLOCKING_IO_ERROR;
    PyExc_ChildProcessError = exc::CHILD_PROCESS_ERROR;
    PyExc_ConnectionError = exc::CONNECTION_ERROR;
    PyExc_BrokenPipeError = exc::BROKEN_PIPE_ERROR;
    PyExc_ConnectionAbortedError = exc::CONNECTION_ABORTED_ERROR;
    PyExc_ConnectionRefusedError = exc::CONNECTION_REFUSED_ERROR;
    PyExc_ConnectionResetError = exc::CONNECTION_RESET_ERROR;
    PyExc_FileExistsError = exc::FILE_EXISTS_ERROR;
    PyExc_FileNotFoundError = exc::FILE_NOT_FOUND_ERROR;
    PyExc_InterruptedError = exc::INTERRUPTED_ERROR;
    PyExc_IsADirectoryError = exc::IS_A_DIRECTORY_ERROR;
    PyExc_NotADirectoryError = exc::NOT_A_DIRECTORY_ERROR;
    PyExc_PermissionError = exc::PERMISSION_ERROR;
    PyExc_ProcessLookupError = exc::PROCESS_LOOKUP_ERROR;
    PyExc_TimeoutError = exc::TIMEOUT_ERROR;
    PyExc_ReferenceError = exc::REFERENCE_ERROR;
    PyExc_RuntimeError = exc::RUNTIME_ERROR;
    PyExc_NotImplementedError = exc::NOT_IMPLEMENTED_ERROR;
    PyExc_RecursionError = exc::RECURSION_ERROR;
    PyExc_StopAsyncIteration = exc::STOP_ASYNC_ITERATION;
    PyExc_StopIteration = exc::STOP_ITERATION;
    PyExc_SyntaxError = exc::SYNTAX_ERROR;
    PyExc_IndentationError = exc::INDENTATION_ERROR;
    PyExc_TabError = exc::TAB_ERROR;
    PyExc_SystemError = exc::SYSTEM_ERROR;
    PyExc_TypeError = exc::TYPE_ERROR;
    PyExc_ValueError = exc::VALUE_ERROR;
    PyExc_UnicodeError = exc::UNICODE_ERROR;
    PyExc_UnicodeDecodeError = exc::UNICODE_DECODE_ERROR;
    PyExc_UnicodeEncodeError = exc::UNICODE_ENCODE_ERROR;
    PyExc_UnicodeTranslateError = exc::UNICODE_TRANSLATE_ERROR;
    PyExc_Warning = exc::WARNING;
    PyExc_BytesWarning = exc::BYTES_WARNING;
    PyExc_DeprecationWarning = exc::DEPRECATION_WARNING;
    PyExc_EncodingWarning = exc::ENCODING_WARNING;
    PyExc_FutureWarning = exc::FUTURE_WARNING;
    PyExc_ImportWarning = exc::IMPORT_WARNING;
    PyExc_PendingDeprecationWarning = exc::PENDING_DEPRECATION_WARNING;
    PyExc_ResourceWarning = exc::RESOURCE_WARNING;
    PyExc_RuntimeWarning = exc::RUNTIME_WARNING;
    PyExc_SyntaxWarning = exc::SYNTAX_WARNING;
    PyExc_UnicodeWarning = exc::UNICODE_WARNING;
    PyExc_UserWarning = exc::USER_WARNING;
}

types! {
    _PyTraceBack_TypeRef = obj::traceback::TRACEBACK_TYPE;
}
