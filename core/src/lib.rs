//! ferropy core: a small Python 3 (objects, garbage collector, compiler,
//! bytecode VM, builtins and core modules) for microcontrollers and hosts.
//!
//! This crate is `#![no_std]` + `alloc` and knows nothing of C or of the
//! machine it runs on: everything host-specific comes through [`port::Port`].
//! It must never panic on input a user or a C extension can supply; errors
//! are Python exceptions (see `vm::Raised`).
#![no_std]
#![deny(unsafe_code)]

extern crate alloc;

pub mod bigint;
pub mod builtins;
pub mod bytecode;
pub mod compile;
pub mod config;
pub mod dtoa;
pub mod gc;
pub mod marshal;
pub mod modules;
pub mod obj;
pub mod port;
pub mod strhash;
pub mod text;
pub mod verify;
pub mod vfs;
pub mod vm;
