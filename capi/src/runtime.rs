//! What a `no_std` build of the crate needs from a runtime (microcontroller
//! targets only).
//!
//! The crate is built as a static library as well as an `rlib`, and a
//! static library without `std` must name a panic handler and a global
//! allocator. Both are here, so that the library links on its own, and both
//! leave the firmware in charge:
//! - Rust's heap is the GC heap: every allocation is a manual block (never
//!   collected, scanned as a root, freed by `dealloc`); when the heap is full
//!   the installed VM collects (without running finalisers: Python code must
//!   not run inside an allocation) and the allocation is tried again.
//! - A panic calls `ferropy_panic`, which the firmware defines (it knows
//!   where to print the message and how to stop).

use core::alloc::{GlobalAlloc, Layout};
use ferropy_core::gc;

extern "Rust" {
    /// Defined by the firmware (`#[no_mangle] fn ferropy_panic`): report the
    /// panic and stop.
    fn ferropy_panic(info: &core::panic::PanicInfo) -> !;
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    // SAFETY: the firmware defines `ferropy_panic` with this signature
    // (documented above; the link fails without it).
    unsafe { ferropy_panic(info) }
}

/// Rust's global allocator on the GC heap.
struct GcAllocator;

/// The heap is full: collect through the installed VM, if there is one.
fn collect_for_rust() {
    if let Some(vm) = crate::boundary::vm() {
        // Not `vm.collect()`: finalisers run Python code, which must not
        // happen inside an allocation. They run at the next VM collection.
        gc::collect(vm);
    }
}

// SAFETY: blocks are BLOCK-aligned (16 bytes) and at least the requested
// size; larger alignments are refused (null). The heap is single-threaded.
unsafe impl GlobalAlloc for GcAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() > gc::BLOCK {
            return core::ptr::null_mut();
        }
        if let Some(p) = gc::alloc(layout.size(), gc::kind::MANUAL) {
            return p;
        }
        collect_for_rust();
        gc::alloc(layout.size(), gc::kind::MANUAL).unwrap_or(core::ptr::null_mut())
    }
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        gc::free(ptr);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() > gc::BLOCK {
            return core::ptr::null_mut();
        }
        if let Some(p) = gc::realloc(ptr, new_size, gc::kind::MANUAL) {
            return p;
        }
        collect_for_rust();
        gc::realloc(ptr, new_size, gc::kind::MANUAL).unwrap_or(core::ptr::null_mut())
    }
}

#[global_allocator]
static ALLOCATOR: GcAllocator = GcAllocator;
