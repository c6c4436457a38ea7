//! A RAM disk outside the GC heap: a block device over a region of memory
//! the board's linker script sets apart (QEMU's test firmware has RAM the
//! Metro M4 lacks, see `ports/qemu-m4/memory.x`). The region is not cleared
//! at a soft reset, so files outlive it; at power-on it holds no volume and
//! is formatted (see [`crate::Board::format_blank`]).

use ferropy_core::port::{errno, IoResult};
use ferropy_core::vfs::{BlockDevice, BLOCK};

/// Blocks of 512 bytes in a region of memory.
pub struct RamDisk {
    /// The region's address and length in bytes (from the linker script's
    /// symbols, which a `const` cannot read).
    region: fn() -> (usize, usize),
}

// SAFETY: the firmware runs the interpreter on one thread and no interrupt
// handler touches the disk; `new`'s contract makes the memory the disk's.
unsafe impl Sync for RamDisk {}

impl RamDisk {
    /// A disk over the region `region` returns (its whole blocks).
    ///
    /// # Safety
    /// The region must be RAM that nothing else uses (no static, stack or
    /// heap), for the whole program, and `region` must always return it.
    pub const unsafe fn new(region: fn() -> (usize, usize)) -> RamDisk {
        RamDisk { region }
    }

    fn addr(&self, lba: u32) -> IoResult<*mut u8> {
        if lba >= self.block_count() {
            return Err(errno::EIO);
        }
        Ok(((self.region)().0 + lba as usize * BLOCK) as *mut u8)
    }
}

impl BlockDevice for RamDisk {
    fn block_count(&self) -> u32 {
        ((self.region)().1 / BLOCK).min(u32::MAX as usize) as u32
    }
    fn read_block(&self, lba: u32, buf: &mut [u8; BLOCK]) -> IoResult<()> {
        let src = self.addr(lba)?;
        // SAFETY: `addr` checked that the block lies in the disk's memory,
        // which only the disk uses (`new`'s contract).
        unsafe { core::ptr::copy_nonoverlapping(src, buf.as_mut_ptr(), BLOCK) };
        Ok(())
    }
    fn write_block(&self, lba: u32, buf: &[u8; BLOCK]) -> IoResult<()> {
        let dst = self.addr(lba)?;
        // SAFETY: as in `read_block`.
        unsafe { core::ptr::copy_nonoverlapping(buf.as_ptr(), dst, BLOCK) };
        Ok(())
    }
}
