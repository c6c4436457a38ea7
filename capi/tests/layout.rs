//! Layout check of the C structures shared with C code.
//!
//! Every `#[repr(C)]` Rust mirror of a structure declared in `include/`
//! (`PyObject`, `PyTypeObject` and its method tables, `PyMethodDef`,
//! `PyModuleDef`, `PyType_Spec`, `Py_buffer`, ...) must have the size,
//! alignment and field offsets that a C compiler gives the declaration.
//! `bindgen` (libclang) lays out `include/Python.h` for x86_64 Linux and
//! for the Cortex-M4 (`thumbv7em-none-eabihf`, newlib's headers), and:
//!
//! - on an x86_64 host the mirrors are compared with the x86_64 layout here,
//!   at run time (`offset_of!`);
//! - both layouts are written as compile-time assertions into
//!   `capi/src/layout_check.rs`, which `capi` compiles for its target, so a
//!   mirror that differs from C on the board fails the board build (the
//!   no_std step of `cargo xtask test` builds `capi` for thumbv7em). This
//!   test fails when that file is not what `include/` gives now;
//!   `FERROPY_BLESS_LAYOUT=1 cargo test -p ferropy-capi --test layout`
//!   rewrites it.
//!
//! Every field of a mirrored C struct must be mapped to a Rust field (a new
//! C field without a mirror fails), and the method tables that Rust keeps as
//! arrays of function pointers (`tp_as_number` & co.) are checked field by
//! field against the slot ids (`Py_nb_add`, ...) they are indexed with.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::mem::{align_of, offset_of, size_of};
use std::path::{Path, PathBuf};

use ferropy_capi::{buffer, module, pythread, spec, typeobject};

const X86_64: &str = "x86_64-unknown-linux-gnu";
const THUMBV7EM: &str = "thumbv7em-none-eabihf";

/// A Rust mirror: the C struct (as bindgen names it), the Rust type, its
/// size and alignment on this host, and (C field, Rust offset expression,
/// Rust offset on this host).
struct Mirror {
    c: &'static str,
    rust: &'static str,
    size: usize,
    align: usize,
    fields: Vec<(&'static str, String, usize)>,
}

/// `mirror!("c_name" => RustType { c_field => rust_field, ... })`; a
/// builtin's struct whose fields C may not read ends with `private
/// c_field`: that C field starts right after the Rust header.
macro_rules! mirror {
    ($c:literal => $t:ty { $($cf:ident => $rf:ident),* $(,)? } $(private $pf:ident)?) => {
        Mirror {
            c: $c,
            rust: stringify!($t),
            size: size_of::<$t>(),
            align: align_of::<$t>(),
            fields: vec![
                $((
                    stringify!($cf),
                    format!("offset_of!({}, {})", stringify!($t), stringify!($rf)),
                    offset_of!($t, $rf),
                ),)*
                $((
                    stringify!($pf),
                    "size_of::<ferropy_core::obj::ObjHead>()".to_string(),
                    size_of::<ferropy_core::obj::ObjHead>(),
                ),)?
            ],
        }
    };
}

fn mirrors() -> Vec<Mirror> {
    vec![
        mirror!("_object" => ferropy_core::obj::ObjHead {
            ob_refcnt => refcnt,
            ob_type => ty,
        }),
        // The head (an anonymous union: bindgen reports no offset for it)
        // is checked by `tp_name`'s offset.
        mirror!("_typeobject" => typeobject::PyTypeObjectC {
            tp_name => tp_name,
            tp_basicsize => tp_basicsize,
            tp_itemsize => tp_itemsize,
            tp_dealloc => tp_dealloc,
            tp_vectorcall_offset => tp_vectorcall_offset,
            tp_getattr => tp_getattr,
            tp_setattr => tp_setattr,
            tp_as_async => tp_as_async,
            tp_repr => tp_repr,
            tp_as_number => tp_as_number,
            tp_as_sequence => tp_as_sequence,
            tp_as_mapping => tp_as_mapping,
            tp_hash => tp_hash,
            tp_call => tp_call,
            tp_str => tp_str,
            tp_getattro => tp_getattro,
            tp_setattro => tp_setattro,
            tp_as_buffer => tp_as_buffer,
            tp_flags => tp_flags,
            tp_doc => tp_doc,
            tp_traverse => tp_traverse,
            tp_clear => tp_clear,
            tp_richcompare => tp_richcompare,
            tp_weaklistoffset => tp_weaklistoffset,
            tp_iter => tp_iter,
            tp_iternext => tp_iternext,
            tp_methods => tp_methods,
            tp_members => tp_members,
            tp_getset => tp_getset,
            tp_base => tp_base,
            tp_dict => tp_dict,
            tp_descr_get => tp_descr_get,
            tp_descr_set => tp_descr_set,
            tp_dictoffset => tp_dictoffset,
            tp_init => tp_init,
            tp_alloc => tp_alloc,
            tp_new => tp_new,
            tp_free => tp_free,
            tp_is_gc => tp_is_gc,
            tp_bases => tp_bases,
            tp_mro => tp_mro,
            tp_cache => tp_cache,
            tp_subclasses => tp_subclasses,
            tp_weaklist => tp_weaklist,
            tp_del => tp_del,
            tp_version_tag => tp_version_tag,
            tp_finalize => tp_finalize,
            tp_vectorcall => tp_vectorcall,
        }),
        mirror!("PyType_Slot" => spec::PyTypeSlot {
            slot => slot,
            pfunc => pfunc,
        }),
        mirror!("PyType_Spec" => spec::PyTypeSpec {
            name => name,
            basicsize => basicsize,
            itemsize => itemsize,
            flags => flags,
            slots => slots,
        }),
        mirror!("PyGetSetDef" => spec::PyGetSetDef {
            name => name,
            get => get,
            set => set,
            doc => doc,
            closure => closure,
        }),
        mirror!("PyMemberDef" => spec::PyMemberDef {
            name => name,
            type_ => ty,
            offset => offset,
            flags => flags,
            doc => doc,
        }),
        mirror!("PyMethodDef" => module::PyMethodDef {
            ml_name => ml_name,
            ml_meth => ml_meth,
            ml_flags => ml_flags,
            ml_doc => ml_doc,
        }),
        mirror!("PyModuleDef_Base" => module::PyModuleDefBase {
            ob_base => ob_base,
            m_init => m_init,
            m_index => m_index,
            m_copy => m_copy,
        }),
        mirror!("PyModuleDef_Slot" => module::PyModuleDefSlot {
            slot => slot,
            value => value,
        }),
        mirror!("PyModuleDef" => module::PyModuleDef {
            m_base => m_base,
            m_name => m_name,
            m_doc => m_doc,
            m_size => m_size,
            m_methods => m_methods,
            m_slots => m_slots,
            m_traverse => m_traverse,
            m_clear => m_clear,
            m_free => m_free,
        }),
        mirror!("bufferinfo" => buffer::PyBuffer {
            buf => buf,
            obj => obj,
            len => len,
            itemsize => itemsize,
            readonly => readonly,
            ndim => ndim,
            format => format,
            shape => shape,
            strides => strides,
            suboffsets => suboffsets,
            internal => internal,
        }),
        mirror!("_Py_tss_t" => pythread::PyTss {
            _is_initialized => is_initialized,
            _value => value,
        }),
        // Builtin bases of C types (`cdef class X(list)`).
        mirror!("_floatobject" => ferropy_core::obj::float::FloatObj {
            ob_base => head,
            ob_fval => value,
        }),
        mirror!("_complexobject" => ferropy_core::obj::complex::ComplexObj {
            ob_base => head,
            cval => re,
        }),
        mirror!("_listobject" => ferropy_core::obj::list::ListObj { ob_base => head }
            private _ferropy_private),
        mirror!("_dictobject" => ferropy_core::obj::dict::DictObj { ob_base => head }
            private _ferropy_private),
        mirror!("_setobject" => ferropy_core::obj::set::SetObj { ob_base => head }
            private _ferropy_private),
        mirror!("_bytesobject" => ferropy_core::obj::bytes::BytesObj { ob_base => head }
            private _ferropy_private),
        mirror!("_bytearrayobject" => ferropy_core::obj::bytearray::ByteArrayObj { ob_base => head }
            private _ferropy_private),
        mirror!("_unicodeobject" => ferropy_core::obj::str::StrObj { ob_base => head }
            private _ferropy_private),
        mirror!("_baseexceptionobject" => ferropy_core::obj::exc::ExcObj { ob_base => head }
            private _ferropy_private),
    ]
}

/// The method tables that Rust keeps as arrays of function pointers:
/// C struct, the `PyTypeObject` field pointing to it, and the slot id of
/// each array element (0: a reserved field).
fn tables() -> Vec<(&'static str, &'static str, &'static [usize])> {
    vec![
        ("PyNumberMethods", "tp_as_number", &typeobject::NB_IDS),
        ("PySequenceMethods", "tp_as_sequence", &typeobject::SQ_IDS),
        ("PyMappingMethods", "tp_as_mapping", &typeobject::MP_IDS),
        ("PyAsyncMethods", "tp_as_async", &typeobject::AM_IDS),
        ("PyBufferProcs", "tp_as_buffer", &typeobject::BF_IDS),
    ]
}

/// A C struct as laid out by clang.
#[derive(Debug, Default)]
struct CStruct {
    size: Option<usize>,
    align: Option<usize>,
    /// Field offsets in declaration order.
    fields: Vec<(String, usize)>,
}

/// What bindgen reports for one target: structs and integer macros.
struct CLayout {
    target: &'static str,
    structs: BTreeMap<String, CStruct>,
    consts: BTreeMap<String, i64>,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("capi is in the workspace")
        .to_path_buf()
}

/// newlib's headers for the Cortex-M target (stdio.h & co.).
fn newlib_include() -> Option<PathBuf> {
    let mut dirs = vec![
        PathBuf::from("/usr/lib/arm-none-eabi/include"),
        PathBuf::from("/usr/arm-none-eabi/include"),
    ];
    if let Ok(out) = std::process::Command::new("arm-none-eabi-gcc")
        .arg("-print-sysroot")
        .output()
    {
        let s = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if !s.is_empty() {
            dirs.insert(0, Path::new(&s).join("include"));
        }
    }
    dirs.into_iter().find(|d| d.join("stdio.h").exists())
}

/// Runs bindgen on `include/Python.h` for `target` and reads its layout
/// assertions.
fn c_layout(target: &'static str) -> CLayout {
    let root = root();
    let include = root.join("include");
    let mut names: Vec<&str> = mirrors().iter().map(|m| m.c).collect();
    names.extend(tables().iter().map(|t| t.0));
    let mut b = bindgen::Builder::default()
        .header(include.join("Python.h").to_string_lossy())
        .clang_arg(format!("--target={target}"))
        .clang_arg(format!("-I{}", include.display()))
        .layout_tests(true)
        .derive_debug(false)
        .derive_copy(false)
        .allowlist_var("Py_(nb|sq|mp|am|bf)_.*");
    for n in &names {
        b = b.allowlist_type(n);
    }
    if target == THUMBV7EM {
        let Some(newlib) = newlib_include() else {
            panic!(
                "newlib's headers (libnewlib-arm-none-eabi) are needed to lay out \
                 include/Python.h for {target}: bash .ci/setup installs them"
            );
        };
        b = b
            .clang_arg("-mfloat-abi=hard")
            .clang_arg(format!("-isystem{}", newlib.display()));
    }
    let code = b
        .generate()
        .unwrap_or_else(|e| panic!("bindgen on include/Python.h for {target}: {e}"))
        .to_string();
    if let Some(dir) = std::env::var_os("FERROPY_LAYOUT_DUMP") {
        let _ = std::fs::write(Path::new(&dir).join(format!("{target}.rs")), &code);
    }
    let layout = parse_bindgen(target, &code);
    for n in names {
        let s = layout.structs.get(n);
        assert!(
            s.is_some_and(|s| s.size.is_some() && s.align.is_some()),
            "bindgen gave no layout of `{n}` for {target} (a renamed struct, or a \
             bindgen whose layout tests read differently?)"
        );
    }
    layout
}

/// Reads bindgen's layout assertions, e.g.
/// `["Size of PyMethodDef"][::std::mem::size_of::<PyMethodDef>() - 32usize];`
/// `["Offset of field: PyMethodDef::ml_flags"][... - 16usize];`
/// and integer constants `pub const Py_nb_add: u32 = 7;`.
fn parse_bindgen(target: &'static str, code: &str) -> CLayout {
    let mut structs: BTreeMap<String, CStruct> = BTreeMap::new();
    let mut consts = BTreeMap::new();
    // rustfmt may or may not have run: split at the `;` that ends each item.
    for item in code.split(';') {
        let item = item.trim();
        if let Some(rest) = item.rfind("pub const ").map(|i| &item[i + 10..]) {
            let Some((name, value)) = rest.split_once(':') else {
                continue;
            };
            let Some((_, value)) = value.split_once('=') else {
                continue;
            };
            if let Ok(v) = value.trim().parse::<i64>() {
                consts.insert(name.trim().to_string(), v);
            }
            continue;
        }
        let Some(start) = item.find("[\"") else {
            continue;
        };
        let item = &item[start + 2..];
        let Some((label, rest)) = item.split_once("\"]") else {
            continue;
        };
        let Some(value) = rest
            .rsplit_once('-')
            .and_then(|(_, v)| v.trim().trim_end_matches(']').trim().strip_suffix("usize"))
            .and_then(|v| v.trim().parse::<usize>().ok())
        else {
            continue;
        };
        if let Some(name) = label.strip_prefix("Size of ") {
            structs.entry(name.to_string()).or_default().size = Some(value);
        } else if let Some(name) = label.strip_prefix("Alignment of ") {
            structs.entry(name.to_string()).or_default().align = Some(value);
        } else if let Some(path) = label.strip_prefix("Offset of field: ") {
            if let Some((name, field)) = path.split_once("::") {
                structs
                    .entry(name.to_string())
                    .or_default()
                    .fields
                    .push((field.to_string(), value));
            }
        }
    }
    CLayout {
        target,
        structs,
        consts,
    }
}

/// The C layout expressed as expectations on the Rust mirrors: (Rust
/// path, what, expected value, Rust expression).
fn expectations(c: &CLayout) -> Vec<(String, usize, String)> {
    let mut out = Vec::new();
    for m in mirrors() {
        let s = &c.structs[m.c];
        let rust = m.rust.replace(' ', "");
        out.push((
            format!("{}: size", m.c),
            s.size.unwrap(),
            format!("size_of::<{rust}>()"),
        ));
        out.push((
            format!("{}: alignment", m.c),
            s.align.unwrap(),
            format!("align_of::<{rust}>()"),
        ));
        for (cf, expr, _) in &m.fields {
            let off = s
                .fields
                .iter()
                .find(|(f, _)| f == cf)
                .map(|(_, o)| *o)
                .unwrap_or_else(|| panic!("{}: no field `{cf}` in C for {}", m.c, c.target));
            out.push((format!("{}.{cf}: offset", m.c), off, expr.replace(' ', "")));
        }
    }
    out
}

/// Checks that mirrors cover every C field and that the function-pointer
/// tables match C field for field; returns the problems.
fn check_coverage(c: &CLayout) -> Vec<String> {
    let mut bad = Vec::new();
    for m in mirrors() {
        let s = &c.structs[m.c];
        for (cf, _) in &s.fields {
            if !m.fields.iter().any(|(f, _, _)| f == cf) {
                bad.push(format!(
                    "{} ({}): C field `{cf}` has no Rust mirror in {}",
                    m.c, c.target, m.rust
                ));
            }
        }
    }
    let ptr = c.structs["_object"].size.unwrap() / 2;
    for (name, _, ids) in tables() {
        let s = &c.structs[name];
        if s.size != Some(ids.len() * ptr) {
            bad.push(format!(
                "{name} ({}): C has {:?} bytes, Rust keeps {} pointers",
                c.target,
                s.size,
                ids.len()
            ));
        }
        if s.fields.len() != ids.len() {
            bad.push(format!(
                "{name} ({}): C has {} fields, Rust {}",
                c.target,
                s.fields.len(),
                ids.len()
            ));
        }
        for (i, (field, off)) in s.fields.iter().enumerate() {
            if *off != i * ptr {
                bad.push(format!(
                    "{name}.{field} ({}): offset {off}, not {}",
                    c.target,
                    i * ptr
                ));
            }
            let want = if field.starts_with("was_") || field.ends_with("_reserved") {
                Some(0)
            } else {
                c.consts.get(&format!("Py_{field}")).map(|&v| v as usize)
            };
            match (want, ids.get(i)) {
                (Some(w), Some(&got)) if w == got => {}
                (want, got) => bad.push(format!(
                    "{name}.{field} ({}): element {i} is slot id {got:?} in Rust, \
                     C's Py_{field} is {want:?}",
                    c.target
                )),
            }
        }
    }
    bad
}

const CHECK_FILE: &str = "capi/src/layout_check.rs";

/// The text of `capi/src/layout_check.rs` for these layouts.
fn check_file(layouts: &[(&str, &CLayout)]) -> String {
    let mut s = String::new();
    s.push_str(
        "//! Compile-time layout assertions of the `#[repr(C)]` mirrors of the\n\
         //! structures in `include/`, as clang lays them out for each target.\n\
         //! Generated by `capi/tests/layout.rs` (bindgen on include/Python.h):\n\
         //! do not edit; `FERROPY_BLESS_LAYOUT=1 cargo test -p ferropy-capi --test\n\
         //! layout` rewrites it after a header changes.\n",
    );
    for (cfg, c) in layouts {
        let _ = write!(
            s,
            "\n/// `{}`.\n#[cfg({cfg})]\n#[allow(clippy::identity_op)]\nconst _: () = {{\n    \
             use core::mem::{{align_of, offset_of, size_of}};\n",
            c.target
        );
        for (what, value, expr) in expectations(c) {
            // Paths of capi's own modules are relative to the crate root.
            let expr = expr
                .replace("ferropy_capi::", "crate::")
                .replace("<ferropy_core::", "<::ferropy_core::")
                .replace("(ferropy_core::", "(::ferropy_core::");
            let expr = [
                "typeobject::",
                "spec::",
                "module::",
                "buffer::",
                "pythread::",
            ]
            .iter()
            .fold(expr, |e, m| {
                e.replace(&format!("<{m}"), &format!("<crate::{m}"))
                    .replace(&format!("({m}"), &format!("(crate::{m}"))
            });
            let _ = writeln!(
                s,
                "    assert!({expr} == {value}, \"{what} differs from C's ({})\");",
                c.target
            );
        }
        s.push_str("};\n");
    }
    s
}

#[test]
fn mirrors_match_c_layouts() {
    let x86 = c_layout(X86_64);
    let arm = c_layout(THUMBV7EM);
    let mut bad = Vec::new();
    bad.extend(check_coverage(&x86));
    bad.extend(check_coverage(&arm));

    // The host's mirrors, field by field (an x86_64 host only).
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        for m in mirrors() {
            let s = &x86.structs[m.c];
            if s.size != Some(m.size) {
                bad.push(format!(
                    "{} ({X86_64}): size {:?} in C, {} in {}",
                    m.c, s.size, m.size, m.rust
                ));
            }
            if s.align != Some(m.align) {
                bad.push(format!(
                    "{} ({X86_64}): alignment {:?} in C, {} in {}",
                    m.c, s.align, m.align, m.rust
                ));
            }
            for (cf, expr, off) in &m.fields {
                let c_off = s.fields.iter().find(|(f, _)| f == cf).map(|(_, o)| *o);
                if c_off != Some(*off) {
                    bad.push(format!(
                        "{}.{cf} ({X86_64}): offset {c_off:?} in C, {off} in Rust ({expr})",
                        m.c
                    ));
                }
            }
        }
    }

    // The compile-time assertions for both targets.
    let text = check_file(&[
        (
            "all(target_arch = \"x86_64\", target_pointer_width = \"64\")",
            &x86,
        ),
        (
            "all(target_arch = \"arm\", target_pointer_width = \"32\")",
            &arm,
        ),
    ]);
    let path = root().join(CHECK_FILE);
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    if old != text {
        if std::env::var_os("FERROPY_BLESS_LAYOUT").is_some() {
            std::fs::write(&path, &text).expect("write capi/src/layout_check.rs");
        } else {
            bad.push(format!(
                "{CHECK_FILE} is not what include/ gives now: rerun with \
                 FERROPY_BLESS_LAYOUT=1 to rewrite it"
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "layout differences:\n  {}",
        bad.join("\n  ")
    );
}

/// The checks themselves: a mirror that differs from C is caught.
#[test]
fn a_wrong_layout_is_caught() {
    let code = "
        const _: () = {
            [\"Size of PyType_Slot\"][::std::mem::size_of::<PyType_Slot>() - 24usize];
            [\"Alignment of PyType_Slot\"][::std::mem::align_of::<PyType_Slot>() - 8usize];
            [\"Offset of field: PyType_Slot::slot\"][::std::mem::offset_of!(PyType_Slot, slot) - 0usize];
            [\"Offset of field: PyType_Slot::pfunc\"][::std::mem::offset_of!(PyType_Slot, pfunc) - 16usize];
            [\"Offset of field: PyType_Slot::extra\"][::std::mem::offset_of!(PyType_Slot, extra) - 8usize];
        };
        pub const Py_nb_add: u32 = 7;
    ";
    let c = parse_bindgen(X86_64, code);
    let s = &c.structs["PyType_Slot"];
    assert_eq!((s.size, s.align), (Some(24), Some(8)));
    assert_eq!(
        s.fields,
        vec![
            ("slot".to_string(), 0),
            ("pfunc".to_string(), 16),
            ("extra".to_string(), 8)
        ]
    );
    assert_eq!(c.consts.get("Py_nb_add"), Some(&7));
    let m = mirrors()
        .into_iter()
        .find(|m| m.c == "PyType_Slot")
        .unwrap();
    assert_ne!(Some(m.size), s.size);
    let pfunc = m.fields.iter().find(|f| f.0 == "pfunc").unwrap().2;
    assert_ne!(
        Some(pfunc),
        s.fields.iter().find(|f| f.0 == "pfunc").map(|f| f.1)
    );
}
