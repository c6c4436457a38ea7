//! Per-architecture capture of callee-saved registers, so that pointers held
//! only in registers are seen by the conservative stack scan. One tiny
//! function per architecture; everything else in the collector is portable.
#![allow(unsafe_code)]

/// Number of words captured.
pub const NREGS: usize = 12;

#[cfg(target_arch = "x86_64")]
#[inline(always)]
pub fn capture_registers() -> [usize; NREGS] {
    let mut r = [0usize; NREGS];
    // SAFETY: stores the callee-saved registers into our own array.
    unsafe {
        core::arch::asm!(
            "mov [{0}], rbx",
            "mov [{0} + 8], rbp",
            "mov [{0} + 16], r12",
            "mov [{0} + 24], r13",
            "mov [{0} + 32], r14",
            "mov [{0} + 40], r15",
            in(reg) r.as_mut_ptr(),
            options(nostack, preserves_flags)
        );
    }
    r
}

#[cfg(target_arch = "aarch64")]
#[inline(always)]
pub fn capture_registers() -> [usize; NREGS] {
    let mut r = [0usize; NREGS];
    // SAFETY: stores the callee-saved registers x19-x29 into our own array.
    unsafe {
        core::arch::asm!(
            "stp x19, x20, [{0}]",
            "stp x21, x22, [{0}, #16]",
            "stp x23, x24, [{0}, #32]",
            "stp x25, x26, [{0}, #48]",
            "stp x27, x28, [{0}, #64]",
            "str x29, [{0}, #80]",
            in(reg) r.as_mut_ptr(),
            options(nostack, preserves_flags)
        );
    }
    r
}

#[cfg(target_arch = "arm")]
#[inline(always)]
pub fn capture_registers() -> [usize; NREGS] {
    let mut r = [0usize; NREGS];
    // SAFETY: stores the callee-saved registers r4-r11 into our own array.
    unsafe {
        core::arch::asm!(
            "str r4, [{0}]",
            "str r5, [{0}, #4]",
            "str r6, [{0}, #8]",
            "str r7, [{0}, #12]",
            "str r8, [{0}, #16]",
            "str r9, [{0}, #20]",
            "str r10, [{0}, #24]",
            "str r11, [{0}, #28]",
            in(reg) r.as_mut_ptr(),
            options(nostack, preserves_flags)
        );
    }
    r
}

#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64", target_arch = "arm")))]
#[inline(always)]
pub fn capture_registers() -> [usize; NREGS] {
    // No register capture on this architecture: rely on the stack scan.
    [0; NREGS]
}

/// The current stack pointer (the address of a local is close enough: the
/// scan starts below every frame of the caller).
#[inline(always)]
pub fn stack_pointer() -> usize {
    let x = 0usize;
    core::hint::black_box(&x) as *const usize as usize
}
