//! `cargo xtask cpython-tests [-v] [MODULE...]`: run test modules of
//! CPython 3.11's own test suite (`Lib/test/`) under ferropy with unittest
//! and print, per module, how many tests ran, failed, errored and were
//! skipped (a Markdown table; docs/compat.md keeps a copy).
//!
//! CPython's `test` package (its top-level modules and `test/support/`) is
//! copied at run time into a temporary directory, never into the
//! repository. CPython's `Lib/` is put at the *end* of `sys.path`, so a
//! module ferropy lacks is imported from CPython's pure-Python source while
//! ferropy's native and frozen modules still win.
//!
//! `test.support` needs a few things ferropy does not have; the harness
//! papers over them, and each is a known gap listed in docs/compat.md:
//! [`PRELUDE`] adds stand-ins for missing `os` attributes, [`PATCHES`]
//! edits the copied support files, and a stub `sysconfig` replaces
//! CPython's (which needs the build's configuration data).

use crate::proc::{run_captured, Exit};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

/// The modules run when none is named.
const MODULES: &[&str] = &[
    "test_augassign",
    "test_baseexception",
    "test_binop",
    "test_bisect",
    "test_bool",
    "test_class",
    "test_contains",
    "test_contextlib",
    "test_copy",
    "test_decorators",
    "test_dict",
    "test_dictviews",
    "test_enumerate",
    "test_exception_variations",
    "test_float",
    "test_format",
    "test_funcattrs",
    "test_functools",
    "test_generators",
    "test_genexps",
    "test_global",
    "test_heapq",
    "test_int",
    "test_isinstance",
    "test_iter",
    "test_keywordonlyarg",
    "test_list",
    "test_listcomps",
    "test_long",
    "test_named_expressions",
    "test_opcodes",
    "test_operator",
    "test_patma",
    "test_pow",
    "test_property",
    "test_raise",
    "test_range",
    "test_richcmp",
    "test_scope",
    "test_set",
    "test_setcomps",
    "test_slice",
    "test_sort",
    "test_string",
    "test_string_literals",
    "test_super",
    "test_tuple",
    "test_typechecks",
    "test_types",
    "test_unary",
    "test_unpack",
    "test_userdict",
    "test_userlist",
    "test_userstring",
    "test_with",
];

/// Run before the test module is imported: stand-ins for what ferropy's
/// `os` lacks and `test.support` needs at import time.
const PRELUDE: &str = "\
import sys, os
for _n, _v in (('getpid', lambda: 1), ('sep', '/'), ('pathsep', ':'), ('linesep', '\\n'),
               ('curdir', '.'), ('pardir', '..'), ('extsep', '.'), ('devnull', '/dev/null'),
               ('name', 'posix'), ('environ', {}),
               ('fsencode', lambda p: p.encode() if isinstance(p, str) else p),
               ('fsdecode', lambda p: p.decode() if isinstance(p, bytes) else p)):
    if not hasattr(os, _n):
        setattr(os, _n, _v)
";

/// Edits of the copied support files: (file under `test/`, text, new text).
const PATCHES: &[(&str, &str, &str)] = &[(
    // No lone surrogates in ferropy's str, hence no 'surrogateescape'.
    "support/os_helper.py",
    "TESTFN_UNENCODABLE = TESTFN_ASCII \\\n            + b'-\\xff'.decode(sys.getfilesystemencoding(), 'surrogateescape')",
    "TESTFN_UNENCODABLE = None",
)];

/// Stands in for CPython's `sysconfig` (no build configuration here).
const SYSCONFIG: &str = "\
def get_config_var(name):
    return None
def get_config_vars(*args):
    return [None for _ in args] if args else {}
def is_python_build(check_home=False):
    return False
def get_platform():
    import sys
    return sys.platform
";

/// Imports the module, runs its tests, prints one `RESULT` line (and with
/// `-v` the failing tests).
const RUNNER: &str = "\
import unittest
name = sys.argv[1]
verbose = len(sys.argv) > 2
m = __import__('test.' + name, fromlist=['*'])
suite = unittest.TestLoader().loadTestsFromModule(m)
r = unittest.TextTestRunner(verbosity=0).run(suite)
if verbose:
    for kind, lst in (('FAIL', r.failures), ('ERROR', r.errors)):
        for t, tb in lst:
            lines = [l for l in tb.strip().splitlines() if l.strip()]
            print(kind, t.id(), '|', lines[-1][:150] if lines else '')
print('RESULT', len(r.failures), len(r.errors), len(r.skipped), r.testsRun)
";

fn copy_test_package(src: &Path, dst: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dst)?;
    for e in std::fs::read_dir(src)? {
        let e = e?;
        let p = e.path();
        if p.extension().is_some_and(|x| x == "py") {
            std::fs::copy(&p, dst.join(e.file_name()))?;
        }
    }
    crate::smoke::copy_tree(&src.join("support"), &dst.join("support"))?;
    for (file, old, new) in PATCHES {
        let path = dst.join(file);
        let text = std::fs::read_to_string(&path)?;
        if !text.contains(old) {
            eprintln!("xtask cpython-tests: patch of {file} no longer applies");
        }
        std::fs::write(&path, text.replace(old, new))?;
    }
    Ok(())
}

/// (ran, failures, errors, skipped) from the `RESULT` line.
fn parse_result(out: &str) -> Option<[usize; 4]> {
    let line = out.lines().rev().find(|l| l.starts_with("RESULT "))?;
    let v: Vec<usize> = line
        .split_whitespace()
        .skip(1)
        .filter_map(|n| n.parse().ok())
        .collect();
    match v[..] {
        [f, e, s, ran] => Some([ran, f, e, s]),
        _ => None,
    }
}

pub fn run(args: &[String]) -> ExitCode {
    let verbose = args.iter().any(|a| a == "-v");
    let names: Vec<&str> = args
        .iter()
        .filter(|a| *a != "-v")
        .map(|s| s.as_str())
        .collect();
    let root = crate::repo_root();
    let python = match crate::cpython() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("xtask cpython-tests: {e}");
            return ExitCode::FAILURE;
        }
    };
    let ferropy = match crate::ferropy_override() {
        Some(f) => f,
        None => {
            crate::header("cargo build --release -p ferropy-unix");
            match crate::build_ferropy(&root) {
                Some(f) => f,
                None => return ExitCode::FAILURE,
            }
        }
    };
    let stdlib = match crate::smoke::cpython_stdlib(&python) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("xtask cpython-tests: {e}");
            return ExitCode::FAILURE;
        }
    };
    let dir = std::env::temp_dir().join(format!("ferropy-cpython-tests-{}", std::process::id()));
    let lib = dir.join("lib");
    let prepared = copy_test_package(&stdlib.join("test"), &lib.join("test"))
        .and_then(|_| std::fs::write(lib.join("sysconfig.py"), SYSCONFIG));
    if let Err(e) = prepared {
        eprintln!("xtask cpython-tests: copying CPython's tests: {e}");
        let _ = std::fs::remove_dir_all(&dir);
        return ExitCode::FAILURE;
    }
    let script = dir.join("run_cpython_test.py");
    let text = format!(
        "{PRELUDE}sys.path.insert(0, {:?})\nsys.path.append({:?})\n{RUNNER}",
        lib.display().to_string(),
        stdlib.display().to_string()
    );
    if let Err(e) = std::fs::write(&script, text) {
        eprintln!("xtask cpython-tests: {e}");
        return ExitCode::FAILURE;
    }
    crate::header(&format!(
        "CPython's tests from {} under {}",
        stdlib.join("test").display(),
        ferropy.to_string_lossy()
    ));
    println!("| module | ran | failures | errors | skipped | note |");
    println!("|---|---|---|---|---|---|");
    let selected: Vec<&str> = if names.is_empty() {
        MODULES.to_vec()
    } else {
        names
    };
    let (mut total, mut bad, mut clean) = (0, 0, 0);
    for module in &selected {
        let mut cmd = std::process::Command::new(&ferropy);
        cmd.arg(&script)
            .arg(module)
            .current_dir(&dir)
            .envs(crate::test::PYTHON_ENV);
        if verbose {
            cmd.arg("-v");
        }
        let (exit, out, err) = match run_captured(&mut cmd, Some(Duration::from_secs(300))) {
            Ok(c) => (
                c.exit,
                String::from_utf8_lossy(&c.stdout).into_owned(),
                String::from_utf8_lossy(&c.stderr).into_owned(),
            ),
            Err(e) => (Exit::Code(-1), String::new(), e.to_string()),
        };
        if verbose {
            for l in out
                .lines()
                .filter(|l| l.starts_with("FAIL ") || l.starts_with("ERROR "))
            {
                eprintln!("  {l}");
            }
        }
        match parse_result(&out) {
            Some([ran, f, e, s]) => {
                total += ran;
                bad += f + e;
                clean += (f + e == 0) as usize;
                println!("| `{module}` | {ran} | {f} | {e} | {s} | |");
            }
            None => {
                let note = if exit == Exit::Timeout {
                    "timeout".to_string()
                } else {
                    crate::smoke::last_line(&err)
                };
                println!("| `{module}` | - | - | - | - | {note} |");
            }
        }
    }
    println!(
        "\n{} modules, {clean} without failures; {total} tests ran, {} passed or skipped",
        selected.len(),
        total - bad
    );
    let _ = std::fs::remove_dir_all(&dir);
    ExitCode::SUCCESS
}
