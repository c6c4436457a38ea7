//! The C API of ferropy: the only crate that exports C symbols.
//!
//! Every exported function is a one-line call, through [`boundary::api`],
//! into a safe Rust function returning `PyResult<T>`; `include/Python.h`
//! describes these symbols to C. Variadic functions (`Py_BuildValue`,
//! `PyArg_Parse*`, `PyErr_Format`, `PyUnicode_FromFormat`, ...) are written
//! in C (`c/varargs.c`) on top of the plain exports.
//!
//! On a host the crate links `std` (a C program links the staticlib as it
//! would link libpython, and `Py_Initialize` is available); on a
//! microcontroller it is `no_std` and the firmware creates the VM and calls
//! [`install`]. It must never panic on what C passes: NULL arguments and bad
//! values become Python exceptions.
#![cfg_attr(target_os = "none", no_std)]
#![allow(non_snake_case)]
// C integer types change width with the target (`c_long` is `i32` on the
// MCU, `i64` on 64-bit Linux): conversions useless on one are needed on the other.
#![allow(clippy::useless_conversion, clippy::unnecessary_cast)]

extern crate alloc;

pub mod abstract_;
pub mod boundary;
pub mod buffer;
pub mod bytearray;
pub mod ceval;
pub mod context;
pub mod cython;
pub mod data;
#[cfg(not(target_os = "none"))]
pub mod embed;
pub mod errors;
pub mod extra;
pub mod mem;
pub mod module;
pub mod objimpl;
pub mod pystate;
pub mod pythread;
pub mod pytime;
pub mod run;
#[rustfmt::skip]
mod layout_check;
#[cfg(target_os = "none")]
mod runtime;
pub mod spec;
pub mod typeobject;
pub mod types;
pub mod weakref;

pub use boundary::{install, uninstall};
