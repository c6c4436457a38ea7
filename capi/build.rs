//! Compiles the C half of the C API (the variadic functions in `c/`)
//! against `include/`.

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let include = root.join("../include");
    println!("cargo:rerun-if-changed=c");
    println!("cargo:rerun-if-changed=../include");
    cc::Build::new()
        .file(root.join("c/varargs.c"))
        .include(&include)
        .warnings(true)
        .extra_warnings(true)
        .flag_if_supported("-Wno-unused-parameter")
        .flag_if_supported("-ffreestanding")
        .flag_if_supported("-Werror=implicit-function-declaration")
        // Every C function is part of the API even if Rust never calls it.
        .link_lib_modifier("+whole-archive")
        .compile("ferropy_capi_c");
}
