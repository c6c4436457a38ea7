//! Tunable numbers, each with its cost. One place to size ferropy for a board.

/// Entries of the attribute lookup cache (type, name) -> attribute. Each
/// entry is 4 words of RAM in the VM state (16 bytes on Cortex-M4). Caching
/// turns an MRO walk with string compares into one probe: about 4x faster
/// attribute access on instance-heavy code (bench/objects.py).
#[cfg(target_os = "none")]
pub const ATTR_CACHE: usize = 64;
#[cfg(not(target_os = "none"))]
pub const ATTR_CACHE: usize = 1024;
