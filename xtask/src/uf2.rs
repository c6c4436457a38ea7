//! `cargo xtask uf2`: the Metro M4 firmware (`ports/metro-m4`) as a `.uf2`
//! file for the board's UF2 bootloader, with its size report.
//!
//! UF2 (Microsoft's USB flashing format): a sequence of 512-byte blocks,
//! each carrying 256 bytes of flash at a target address:
//!
//! | offset | field |
//! | --- | --- |
//! | 0 | magic 0x0A324655 ("UF2\n") |
//! | 4 | magic 0x9E5D5157 |
//! | 8 | flags (0x2000: the family ID field is set) |
//! | 12 | target address |
//! | 16 | payload size (256) |
//! | 20 | block number |
//! | 24 | number of blocks |
//! | 28 | family ID (0x55114237: SAMD51) |
//! | 32..508 | payload (256 bytes used, the rest zero) |
//! | 508 | magic 0x0AB16F30 |
//!
//! The image is the ELF's loadable segments placed at their load (physical)
//! addresses, so `.data`'s initial values go where cortex-m-rt copies them
//! from; gaps are filled with 0xFF (erased flash).

use crate::board::TARGET;
use crate::{cargo, header, run_status, target_dir};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const MAGIC_START0: u32 = 0x0A32_4655;
const MAGIC_START1: u32 = 0x9E5D_5157;
const MAGIC_END: u32 = 0x0AB1_6F30;
const FLAG_FAMILY_ID: u32 = 0x0000_2000;
/// Microchip SAMD51.
pub const FAMILY_SAMD51: u32 = 0x5511_4237;
/// The application's start: the UF2 bootloader owns the first 16 KB.
pub const BASE: u32 = 0x4000;
/// End of the SAMD51J19's flash (512 KB): the application may use
/// `BASE..FLASH_END` (496 KB).
pub const FLASH_END: u32 = 0x8_0000;
/// Addresses a UF2 block may target here: the linker script currently
/// allows the image to grow to 1 MB (see ports/metro-m4/memory.x); whether
/// it fits `FLASH_END` is reported separately ([`fits`]).
const LINK_END: u32 = 0x10_0000;
const PAYLOAD: usize = 256;
const BLOCK: usize = 512;

const FIRMWARE_DIR: &str = "ports/metro-m4";
const BINARY: &str = "ferropy-metro-m4";

fn u16_at(b: &[u8], o: usize) -> Result<u32, String> {
    b.get(o..o + 2)
        .map(|s| u16::from_le_bytes([s[0], s[1]]) as u32)
        .ok_or_else(|| "truncated ELF".to_string())
}

fn u32_at(b: &[u8], o: usize) -> Result<u32, String> {
    b.get(o..o + 4)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
        .ok_or_else(|| "truncated ELF".to_string())
}

/// The flash image of a 32-bit little-endian ELF: its loadable segments'
/// file contents at their physical addresses, from `base` on. Returns the
/// image (starting at `base`).
pub fn flash_image(elf: &[u8], base: u32) -> Result<Vec<u8>, String> {
    if elf.get(0..6) != Some(b"\x7fELF\x01\x01") {
        return Err("not a 32-bit little-endian ELF file".into());
    }
    let phoff = u32_at(elf, 0x1c)? as usize;
    let phentsize = u16_at(elf, 0x2a)? as usize;
    let phnum = u16_at(elf, 0x2c)? as usize;
    let mut image: Vec<u8> = Vec::new();
    for i in 0..phnum {
        let h = phoff + i * phentsize;
        let kind = u32_at(elf, h)?;
        let offset = u32_at(elf, h + 4)? as usize;
        let paddr = u32_at(elf, h + 12)?;
        let filesz = u32_at(elf, h + 16)? as usize;
        if kind != 1 || filesz == 0 {
            continue; // not PT_LOAD, or nothing to store (.bss)
        }
        if paddr < base || paddr as u64 + filesz as u64 > LINK_END as u64 {
            return Err(format!(
                "segment at {paddr:#x} ({filesz} bytes) is outside flash {base:#x}..{LINK_END:#x}"
            ));
        }
        let data = elf
            .get(offset..offset + filesz)
            .ok_or("segment beyond the end of the ELF file")?;
        let at = (paddr - base) as usize;
        if image.len() < at + filesz {
            image.resize(at + filesz, 0xff);
        }
        image[at..at + filesz].copy_from_slice(data);
    }
    if image.is_empty() {
        return Err("no loadable segment".into());
    }
    Ok(image)
}

/// UF2 blocks for `image` at `base`.
pub fn encode(image: &[u8], base: u32, family: u32) -> Vec<u8> {
    let count = image.len().div_ceil(PAYLOAD);
    let mut out = Vec::with_capacity(count * BLOCK);
    for (n, chunk) in image.chunks(PAYLOAD).enumerate() {
        let mut block = [0u8; BLOCK];
        let words = [
            MAGIC_START0,
            MAGIC_START1,
            FLAG_FAMILY_ID,
            base + (n * PAYLOAD) as u32,
            PAYLOAD as u32,
            n as u32,
            count as u32,
            family,
        ];
        for (k, w) in words.iter().enumerate() {
            block[k * 4..k * 4 + 4].copy_from_slice(&w.to_le_bytes());
        }
        block[32..32 + chunk.len()].copy_from_slice(chunk);
        // A short last chunk is padded with erased flash.
        block[32 + chunk.len()..32 + PAYLOAD].fill(0xff);
        block[BLOCK - 4..].copy_from_slice(&MAGIC_END.to_le_bytes());
        out.extend_from_slice(&block);
    }
    out
}

/// Check a UF2 file: every block's magic numbers, flags, family ID, payload
/// size, numbering, and that the addresses cover `base..base+len`
/// contiguously. Returns the number of payload bytes.
pub fn validate(uf2: &[u8], base: u32, family: u32, len: usize) -> Result<usize, String> {
    if uf2.is_empty() || !uf2.len().is_multiple_of(BLOCK) {
        return Err(format!("size {} is not a multiple of {BLOCK}", uf2.len()));
    }
    let count = uf2.len() / BLOCK;
    for (n, block) in uf2.chunks(BLOCK).enumerate() {
        let w = |k: usize| u32::from_le_bytes(block[k * 4..k * 4 + 4].try_into().unwrap());
        let end = u32::from_le_bytes(block[BLOCK - 4..].try_into().unwrap());
        let what = |m: &str| Err(format!("block {n}: {m}"));
        if w(0) != MAGIC_START0 || w(1) != MAGIC_START1 || end != MAGIC_END {
            return what("bad magic number");
        }
        if w(2) & FLAG_FAMILY_ID == 0 || w(7) != family {
            return what(&format!("family ID {:#x}, expected {family:#x}", w(7)));
        }
        if w(3) != base + (n * PAYLOAD) as u32 {
            return what(&format!("address {:#x}", w(3)));
        }
        if w(3) < BASE || w(3) as u64 + PAYLOAD as u64 > LINK_END as u64 {
            return what(&format!(
                "address {:#x} outside the application flash",
                w(3)
            ));
        }
        if w(4) != PAYLOAD as u32 || w(5) != n as u32 || w(6) != count as u32 {
            return what("bad payload size or block numbering");
        }
    }
    if count != len.div_ceil(PAYLOAD) {
        return Err(format!(
            "{count} blocks for a {len}-byte image (expected {})",
            len.div_ceil(PAYLOAD)
        ));
    }
    Ok(count * PAYLOAD)
}

/// Does a UF2 file of `uf2_len` bytes fit the board's application flash?
/// Returns the image's end address with the answer.
pub fn fits(uf2_len: u64) -> (u64, bool) {
    let end = BASE as u64 + uf2_len / BLOCK as u64 * PAYLOAD as u64;
    (end, end <= FLASH_END as u64)
}

/// The fit, as one line for the reports.
pub fn fit_line(uf2_len: u64) -> String {
    let (end, ok) = fits(uf2_len);
    let used = end - BASE as u64;
    let room = (FLASH_END - BASE) as u64;
    if ok {
        format!(
            "fits the board: {} KB of {} KB of application flash",
            used / 1024,
            room / 1024
        )
    } else {
        format!(
            "DOES NOT FIT the board yet: {} KB > {} KB of application flash (ends at {end:#x}, \
             flash ends at {FLASH_END:#x}): cannot be flashed until it shrinks",
            used / 1024,
            room / 1024
        )
    }
}

/// Build the Metro M4 firmware (release) and return its ELF file.
pub fn build_metro(root: &Path) -> Option<PathBuf> {
    let dir = root.join(FIRMWARE_DIR);
    let target_dir = target_dir(root);
    // From the firmware's directory, so that its .cargo/config.toml
    // (target, linker script) applies.
    let ok = run_status(
        cargo(root)
            .current_dir(&dir)
            .args(["build", "--release", "--target", TARGET, "--target-dir"])
            .arg(&target_dir),
    );
    if !ok {
        eprintln!("xtask: building the Metro M4 firmware failed");
        return None;
    }
    let elf = target_dir.join(TARGET).join("release").join(BINARY);
    if !elf.is_file() {
        eprintln!("xtask: {} was not produced", elf.display());
        return None;
    }
    Some(elf)
}

/// Build, convert and validate: the paths of the ELF and the UF2 file.
pub fn build_and_convert(root: &Path) -> Result<(PathBuf, PathBuf), String> {
    let elf = build_metro(root).ok_or("the build failed")?;
    let bytes = std::fs::read(&elf).map_err(|e| format!("{}: {e}", elf.display()))?;
    let image = flash_image(&bytes, BASE).map_err(|e| format!("{}: {e}", elf.display()))?;
    let uf2 = encode(&image, BASE, FAMILY_SAMD51);
    let path = elf.with_extension("uf2");
    std::fs::write(&path, &uf2).map_err(|e| format!("{}: {e}", path.display()))?;
    // Check what was written, as a flasher would read it.
    let written = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    validate(&written, BASE, FAMILY_SAMD51, image.len())
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((elf, path))
}

/// `cargo xtask uf2`.
pub fn run(args: &[String]) -> ExitCode {
    if let Some(arg) = args.first() {
        eprintln!("xtask uf2: unexpected argument `{arg}`");
        return ExitCode::from(2);
    }
    let root = crate::repo_root();
    header("build the Metro M4 firmware: ports/metro-m4 (release: opt-level \"z\", LTO)");
    let (elf, uf2) = match build_and_convert(&root) {
        Ok(paths) => paths,
        Err(e) => {
            eprintln!("xtask uf2: {e}");
            return ExitCode::FAILURE;
        }
    };
    let rel = |p: &Path| p.strip_prefix(&root).unwrap_or(p).display().to_string();
    header("Metro M4 firmware");
    let uf2_len = std::fs::metadata(&uf2).map(|m| m.len()).unwrap_or(0);
    println!("elf  {}", rel(&elf));
    println!(
        "uf2  {} ({} blocks, family {FAMILY_SAMD51:#x}, from {BASE:#x})",
        rel(&uf2),
        uf2_len / BLOCK as u64
    );
    println!("{}", fit_line(uf2_len));
    if fits(uf2_len).1 {
        println!("flash it: double-click RESET, then copy the .uf2 onto the METROM4BOOT drive");
    }
    println!();
    match crate::size::report(&elf, None) {
        Ok(within) => {
            if !within {
                println!("(the budgets are targets: the image is still written)");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("xtask uf2: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let image: Vec<u8> = (0..1000u32).map(|i| i as u8).collect();
        let uf2 = encode(&image, BASE, FAMILY_SAMD51);
        assert_eq!(uf2.len(), 4 * BLOCK);
        assert_eq!(
            validate(&uf2, BASE, FAMILY_SAMD51, image.len()),
            Ok(4 * 256)
        );
        assert_eq!(&uf2[32..36], &[0, 1, 2, 3]);
        // The last block: 232 bytes of data, then 0xFF.
        let last = &uf2[3 * BLOCK..];
        assert_eq!(last[32 + 232], 0xff);
        assert!(validate(&uf2, BASE, 0x1234, image.len()).is_err());
        let mut bad = uf2.clone();
        bad[BLOCK + 12] ^= 1;
        assert!(validate(&bad, BASE, FAMILY_SAMD51, image.len()).is_err());
    }
}
