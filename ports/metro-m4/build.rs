//! Build script of the Metro M4 firmware: the shared firmware build
//! (`ports/mcu-common/build/firmware.rs`: `memory.x` with the extension
//! sections, the C extensions and frozen modules listed in `Cargo.toml`'s
//! `[package.metadata.ferropy]`). The PAC, `atsamd51j`, provides `device.x`.
//!
//! Frozen modules are compiled with core's own compiler (its sources are
//! included below, as core's build script does) and serialised with
//! `marshal`; the bytes are stored in flash.

// The included core sources are linted by the root workspace (with its
// lint settings), not here.
extern crate alloc;

#[allow(dead_code, unused_imports, clippy::all)]
#[path = "../../core/src/bytecode.rs"]
mod bytecode;
#[allow(dead_code, unused_imports, clippy::all)]
#[path = "../../core/src/compile/mod.rs"]
mod compile;
#[allow(dead_code, unused_imports, clippy::all)]
#[path = "../../core/src/dtoa.rs"]
mod dtoa;
#[path = "../mcu-common/build/firmware.rs"]
mod firmware;
#[allow(dead_code, unused_imports, clippy::all)]
#[path = "../../core/src/marshal.rs"]
mod marshal;
#[allow(dead_code, unused_imports, clippy::all)]
#[path = "../../core/src/verify.rs"]
mod verify;

/// Compile a frozen module to marshalled bytecode (checked by decoding it).
fn freeze(src: &str, file: &str) -> Result<Vec<u8>, String> {
    let cu = compile::compile_source(src, file, compile::Mode::Exec)
        .map_err(|e| format!(":{}:{}: {}", e.line, e.col, e.msg))?;
    let data = marshal::encode(&cu);
    marshal::decode(&data).map_err(|e| format!(": bytecode does not verify: {e}"))?;
    Ok(data)
}

fn main() {
    for f in ["bytecode.rs", "compile", "marshal.rs", "verify.rs"] {
        println!("cargo:rerun-if-changed=../../core/src/{f}");
    }
    firmware::build(&firmware::Port {
        memory_x: "memory.x",
        copy: &[],
        freeze: &freeze,
    });
}
