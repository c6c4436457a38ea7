//! The C API of ferropy: the only crate that exports C symbols.
//!
//! Every exported function is a one-line call into a safe Rust function of
//! `ferropy_core`; `include/Python.h` describes these symbols to C. On a host
//! the crate links `std` (a C program links the staticlib as it would link
//! libpython); on a microcontroller it is `no_std` and the firmware supplies
//! the panic handler.
//! Status: the boundary is being built; see `docs/architecture.md`.
#![cfg_attr(target_os = "none", no_std)]
