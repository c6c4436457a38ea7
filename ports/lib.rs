//! `ferropy`: the crate a firmware image or a program embedding the
//! interpreter depends on. It re-exports the interpreter core and the C API.
#![no_std]

pub use ferropy_capi as capi;
pub use ferropy_core as core;
