//! `cargo xtask size`: the firmware's flash and RAM figures against the
//! budgets of docs/performance.md (ARCHITECTURE.md §6).
//!
//! The budgets apply to the budgeted configuration of ports/qemu-m4
//! (`minimal`: [package.metadata.ferropy.minimal] in its Cargo.toml), the
//! image the second board pass of `cargo xtask test` runs; the test
//! firmware's (everything) figures are printed too.
//!
//! Reads the ELF's section headers and symbol table itself (no binutils
//! needed) and asks the running firmware for its free heap at the prompt.

use crate::board::{self, Board};
use crate::header;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

/// Flash: code + constants + initialised data, without extensions.
const FLASH_BUDGET: u64 = 300 * 1024;
/// Static RAM: `.data` + `.bss` (+ `.uninit`), the heap not included.
const STATIC_RAM_BUDGET: u64 = 12 * 1024;
/// Free GC heap at the prompt.
const FREE_HEAP_BUDGET: u64 = 150 * 1024;

struct Section {
    name: String,
    addr: u64,
    size: u64,
    /// SHT_NOBITS: takes no room in the file (.bss, .uninit).
    nobits: bool,
    alloc: bool,
}

/// Section headers and symbols (name -> value) of a 32-bit little-endian ELF.
fn read_elf(bytes: &[u8]) -> Result<(Vec<Section>, Vec<(String, u64)>), String> {
    let u16_at = |o: usize| -> Result<u64, String> {
        bytes
            .get(o..o + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]) as u64)
            .ok_or_else(|| "truncated ELF".to_string())
    };
    let u32_at = |o: usize| -> Result<u64, String> {
        bytes
            .get(o..o + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as u64)
            .ok_or_else(|| "truncated ELF".to_string())
    };
    if bytes.get(0..6) != Some(b"\x7fELF\x01\x01") {
        return Err("not a 32-bit little-endian ELF file".into());
    }
    let shoff = u32_at(0x20)? as usize;
    let shentsize = u16_at(0x2e)? as usize;
    let shnum = u16_at(0x30)? as usize;
    let shstrndx = u16_at(0x32)? as usize;
    let header = |i: usize| shoff + i * shentsize;
    let cstr = |o: usize| -> String {
        let end = bytes[o.min(bytes.len())..]
            .iter()
            .position(|&b| b == 0)
            .map_or(bytes.len(), |p| o + p);
        String::from_utf8_lossy(&bytes[o.min(end)..end]).into_owned()
    };
    let strtab_off = u32_at(header(shstrndx) + 0x10)? as usize;
    let mut sections = Vec::new();
    let mut symtab = None;
    for i in 0..shnum {
        let h = header(i);
        let name = cstr(strtab_off + u32_at(h)? as usize);
        let kind = u32_at(h + 4)?;
        let flags = u32_at(h + 8)?;
        let section = Section {
            name,
            addr: u32_at(h + 0x0c)?,
            size: u32_at(h + 0x14)?,
            nobits: kind == 8,
            alloc: flags & 2 != 0,
        };
        if kind == 2 {
            // SHT_SYMTAB: (offset, size, linked string table).
            symtab = Some((u32_at(h + 0x10)?, section.size, u32_at(h + 0x18)?));
        }
        sections.push(section);
    }
    let mut symbols = Vec::new();
    if let Some((off, size, link)) = symtab {
        let str_off = u32_at(header(link as usize) + 0x10)? as usize;
        for k in 0..(size / 16) as usize {
            let s = off as usize + k * 16;
            let name = cstr(str_off + u32_at(s)? as usize);
            if !name.is_empty() {
                symbols.push((name, u32_at(s + 4)?));
            }
        }
    }
    Ok((sections, symbols))
}

fn kb(n: u64) -> String {
    format!("{:>8} B ({:.1} KB)", n, n as f64 / 1024.0)
}

pub fn run(args: &[String]) -> ExitCode {
    if let Some(arg) = args.first() {
        eprintln!("xtask size: unexpected argument `{arg}`");
        return ExitCode::from(2);
    }
    let root = crate::repo_root();
    let config = crate::test::MINIMAL_CONFIG;
    // The full image first (figures only), then the budgeted one.
    header("build the test firmware: ports/qemu-m4 (release: opt-level \"z\", LTO; everything)");
    let Some(full) = board::build_firmware(&root) else {
        return ExitCode::FAILURE;
    };
    header(&format!(
        "build the budgeted firmware: ports/qemu-m4, configuration `{config}` \
         ([package.metadata.ferropy.{config}] of ports/qemu-m4/Cargo.toml)"
    ));
    let Some(elf) = board::build_firmware_config(&root, Some(config)) else {
        return ExitCode::FAILURE;
    };
    header(&format!(
        "size of the test firmware {} (not budgeted)",
        display_rel(&root, &full)
    ));
    if let Err(err) = report_figures(&full) {
        eprintln!("xtask size: {err}");
        return ExitCode::FAILURE;
    }
    header(&format!(
        "size of the budgeted firmware {} (configuration `{config}`)",
        display_rel(&root, &elf)
    ));
    let free = free_heap(&elf);
    match report(&elf, Some(free)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => {
            println!("\nover budget");
            ExitCode::FAILURE
        }
        Err(err) => {
            eprintln!("xtask size: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Print the figures of `elf` without checking them.
fn report_figures(elf: &Path) -> Result<(), String> {
    let bytes =
        std::fs::read(elf).map_err(|err| format!("cannot read {}: {err}", elf.display()))?;
    let (sections, _) = read_elf(&bytes).map_err(|err| format!("{}: {err}", elf.display()))?;
    let size_of = |name: &str| {
        sections
            .iter()
            .filter(|s| s.name == name)
            .map(|s| s.size)
            .sum::<u64>()
    };
    let flash: u64 = sections
        .iter()
        .filter(|s| s.alloc && !s.nobits && s.size > 0)
        .map(|s| s.size)
        .sum();
    println!(
        "text   (code + vector table)   {}",
        kb(size_of(".text") + size_of(".vector_table"))
    );
    println!("rodata (constants)             {}", kb(size_of(".rodata")));
    println!("flash  (text + rodata + data)  {}", kb(flash));
    println!(
        "static RAM (data + bss)        {}",
        kb(size_of(".data") + size_of(".bss") + size_of(".uninit"))
    );
    Ok(())
}

/// Print the sections of the firmware `elf` and its figures against the
/// budgets; `free` is the free heap measured on the running firmware
/// (`None`: not measured, e.g. no board). Returns whether every measured
/// figure is within its budget.
pub fn report(elf: &Path, free: Option<Result<u64, String>>) -> Result<bool, String> {
    let bytes =
        std::fs::read(elf).map_err(|err| format!("cannot read {}: {err}", elf.display()))?;
    let (sections, symbols) =
        read_elf(&bytes).map_err(|err| format!("{}: {err}", elf.display()))?;
    let size_of = |name: &str| {
        sections
            .iter()
            .filter(|s| s.name == name)
            .map(|s| s.size)
            .sum::<u64>()
    };
    let symbol = |name: &str| symbols.iter().find(|(n, _)| n == name).map(|&(_, v)| v);
    // Flash holds every allocated section with contents (vector table,
    // .text, .rodata, and the initial values of .data).
    let flash: u64 = sections
        .iter()
        .filter(|s| s.alloc && !s.nobits && s.size > 0)
        .map(|s| s.size)
        .sum();
    // C extension modules linked in (their own sections, see
    // ports/mcu-common/build/firmware.rs) are reported apart: the budget is
    // the interpreter's.
    let ext_flash = size_of(".ferropy_ext_text")
        + size_of(".ferropy_ext_rodata")
        + size_of(".ferropy_ext_data");
    let ext_ram = size_of(".ferropy_ext_data") + size_of(".ferropy_ext_bss");
    let flash = flash - ext_flash;
    let text = size_of(".text") + size_of(".vector_table");
    let rodata = size_of(".rodata");
    let data = size_of(".data");
    let bss = size_of(".bss") + size_of(".uninit");
    let static_ram = data + bss;
    let heap = match (symbol("__sheap"), symbol("_ferropy_heap_end")) {
        (Some(start), Some(end)) if end > start => end - start,
        _ => 0,
    };
    let stack = match (symbol("_stack_end"), symbol("_stack_start")) {
        (Some(end), Some(start)) if start > end => start - end,
        _ => 0,
    };
    for s in sections.iter().filter(|s| s.alloc && s.size > 0) {
        println!("  {:<14} {} at {:#010x}", s.name, kb(s.size), s.addr);
    }
    println!();
    println!("text   (code + vector table)   {}", kb(text));
    println!("rodata (constants)             {}", kb(rodata));
    println!("data   (initialised statics)   {}", kb(data));
    println!("bss    (zeroed statics)        {}", kb(bss));
    println!("native stack                   {}", kb(stack));
    println!("GC heap region                 {}", kb(heap));
    if ext_flash > 0 {
        println!("C extensions: flash            {}", kb(ext_flash));
        println!("C extensions: statics (RAM)    {}", kb(ext_ram));
        print_extensions(elf);
    }

    let mut ok = true;
    println!();
    let mut check = |what: &str, value: u64, budget: u64, at_most: bool| {
        let pass = if at_most {
            value <= budget
        } else {
            value >= budget
        };
        ok &= pass;
        println!(
            "{} {what}: {} (budget {} {})",
            if pass { "ok  " } else { "OVER" },
            kb(value).trim(),
            if at_most { "<=" } else { ">=" },
            kb(budget).trim()
        );
    };
    check(
        "flash (text+rodata+data, without extensions)",
        flash,
        FLASH_BUDGET,
        true,
    );
    check("static RAM (data+bss)", static_ram, STATIC_RAM_BUDGET, true);
    match free {
        Some(Ok(free)) => check("free heap at the prompt", free, FREE_HEAP_BUDGET, false),
        Some(Err(err)) => {
            ok = false;
            println!("FAIL free heap at the prompt: {err}");
        }
        None => println!(
            "n/a  free heap at the prompt: not measured without the board (heap region {}, budget >= {})",
            kb(heap).trim(),
            kb(FREE_HEAP_BUDGET).trim()
        ),
    }
    Ok(ok)
}

/// The per-module table the firmware's build script leaves next to the
/// image (`<image>-extensions.tsv`: text, rodata, data, bss of each module
/// before the final link).
fn print_extensions(elf: &Path) {
    let name = elf.file_name().unwrap_or_default().to_string_lossy();
    let Ok(tsv) = std::fs::read_to_string(elf.with_file_name(format!("{name}-extensions.tsv")))
    else {
        return;
    };
    println!("  per module (before the final link; flash = text+rodata+data, RAM = data+bss):");
    for line in tsv.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        let n = |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
        println!(
            "  {:<18} flash {:>7} B   RAM {:>6} B",
            f.first().unwrap_or(&""),
            n(1) + n(2) + n(3),
            n(3) + n(4)
        );
    }
}

fn display_rel(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// `gc.mem_free()` right after a soft reset, asked through the raw REPL.
fn free_heap(elf: &Path) -> Result<u64, String> {
    if crate::find_in_path(board::QEMU).is_none() {
        return Err(format!("{} not found", board::QEMU));
    }
    let mut b = Board::start(elf)?;
    let run = b
        .exec(
            b"import gc\ngc.collect()\nprint(gc.mem_free())\n",
            Duration::from_secs(10),
        )
        .map_err(|_| "the board did not answer".to_string())?;
    String::from_utf8_lossy(&run.stdout)
        .trim()
        .parse::<u64>()
        .map_err(|_| {
            format!(
                "unexpected answer {:?}",
                String::from_utf8_lossy(&run.stdout)
            )
        })
}
