//! Unit tests of the firmwares' shared build script
//! (`ports/mcu-common/build/firmware.rs`): the module list of
//! `[package.metadata.ferropy]`, module names, and the change made to
//! Cython's output.

#[allow(dead_code)]
#[path = "../../ports/mcu-common/build/firmware.rs"]
mod firmware;

use firmware::parse_manifest;
use std::path::{Path, PathBuf};

/// A scratch directory with some files (removed on drop).
struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str, files: &[&str]) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("ferropy-fwbuild-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for f in files {
            let p = dir.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "").unwrap();
        }
        Scratch(dir)
    }
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn names(paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn reads_the_lists_with_globs_comments_and_several_lines() {
    let d = Scratch::new(
        "lists",
        &["ext/b.pyx", "ext/a.pyx", "ext/x.c", "fz/main.py", "one.c"],
    );
    let toml = r#"
[package]
name = "fw"
extensions = ["not/read.pyx"]   # another section: ignored

[package.metadata.ferropy]
# the modules
extensions = [
    "ext/*.pyx",   # sorted
    "one.c",
]
frozen-files = ["fz/*.py"]
frozen = ["abc", "types"]   # core/build.rs's list: not read here

[workspace]
"#;
    let m = parse_manifest(toml, d.path()).unwrap();
    assert_eq!(names(&m.extensions), ["a.pyx", "b.pyx", "one.c"]);
    assert_eq!(names(&m.frozen), ["main.py"]);
}

#[test]
fn no_section_means_no_modules() {
    let m = parse_manifest("[package]\nname = \"fw\"\n", Path::new(".")).unwrap();
    assert!(m.extensions.is_empty() && m.frozen.is_empty());
}

#[test]
fn refuses_mistakes_with_a_message() {
    let d = Scratch::new("errors", &["a.pyx"]);
    let err = |toml: &str| parse_manifest(toml, d.path()).err().unwrap_or_default();
    let section = "[package.metadata.ferropy]\n";
    assert!(err(&format!("{section}extension = [\"a.pyx\"]\n")).contains("unknown key `extension`"));
    assert!(err(&format!("{section}extensions = \"a.pyx\"\n")).contains("array of strings"));
    assert!(err(&format!("{section}extensions = [a.pyx]\n")).contains("expected a \"string\""));
    assert!(err(&format!("{section}extensions = [\"a.pyx\",\n")).contains("not closed"));
    assert!(
        err(&format!("{section}extensions = [\"missing.pyx\"]\n")).contains("no file missing.pyx")
    );
    assert!(err(&format!("{section}frozen-files = [\"nodir/*.py\"]\n")).contains("nodir/*.py"));
    assert!(err(&format!("{section}just words\n")).contains("expected `key = [...]`"));
}

#[test]
fn a_glob_that_matches_nothing_is_empty() {
    let d = Scratch::new("empty", &["a.c"]);
    let m = parse_manifest(
        "[package.metadata.ferropy]\nextensions = [\"*.pyx\"]\n",
        d.path(),
    )
    .unwrap();
    assert!(m.extensions.is_empty());
}

#[test]
fn presets_cythons_type_flag_variables() {
    let c = "static unsigned long __Pyx_Runtime_TPFLAGS_SEQUENCE;\n\
             static unsigned long __Pyx_Runtime_TPFLAGS_MAPPING;\n\
             PyImport_ImportModule(\"collections.abc\");\n";
    let out = firmware::preset_type_flags(c, Path::new("m.pyx"));
    assert!(out.contains("__Pyx_Runtime_TPFLAGS_SEQUENCE = Py_TPFLAGS_SEQUENCE;"));
    assert!(out.contains("__Pyx_Runtime_TPFLAGS_MAPPING = Py_TPFLAGS_MAPPING;"));
    // Code without the variables is left as it is.
    let plain = "int x;\n";
    assert_eq!(
        firmware::preset_type_flags(plain, Path::new("m.pyx")),
        plain
    );
}
