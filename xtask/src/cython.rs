//! Cython examples (`cython-examples/NAME.pyx` + `NAME_driver.py`): each is
//! cythonized once (language_level 3) and compiled twice, against
//! `include/` for ferropy and against CPython's headers; the driver runs
//! under both. Used by `cargo xtask demo` and the C API step of the tests.
//!
//! The test fails when either build fails, when the driver fails under
//! either interpreter, or when ferropy's output differs from CPython's.

use crate::capi::{build_ext_with, cpython_include, Counts};
use crate::proc::run_captured;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(60);

/// The installed Cython's version, if any.
pub fn cython_version() -> Option<String> {
    let out = Command::new("python3")
        .args(["-c", "import Cython; print(Cython.__version__)"])
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// `pyx` -> `dir/NAME.c`.
pub fn cythonize(pyx: &Path, dir: &Path) -> Result<PathBuf, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let c = dir.join(pyx.with_extension("c").file_name().unwrap_or_default());
    let out = Command::new("python3")
        .args(["-m", "cython", "-3"])
        .arg(pyx)
        .arg("-o")
        .arg(&c)
        .output()
        .map_err(|e| format!("cannot run python3 -m cython: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "cython {} failed:\n{}",
            pyx.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(c)
}

/// Build `pyx` into `out_dir/{ferropy,cpython}/NAME.so`; returns the two
/// directories (CPython's is `None` without its headers).
pub fn build(
    root: &Path,
    pyx: &Path,
    out_dir: &Path,
) -> Result<(PathBuf, Option<PathBuf>), String> {
    let c = cythonize(pyx, out_dir)?;
    let so = format!("{}.so", crate::capi::stem(pyx));
    let ours = out_dir.join("ferropy");
    std::fs::create_dir_all(&ours).map_err(|e| e.to_string())?;
    build_ext_with(&c, &ours.join(&so), &root.join("include"), &[])?;
    let theirs = match cpython_include(&OsString::from("python3")) {
        Some(inc) => {
            let d = out_dir.join("cpython");
            std::fs::create_dir_all(&d).map_err(|e| e.to_string())?;
            build_ext_with(&c, &d.join(&so), &inc, &[])?;
            Some(d)
        }
        None => None,
    };
    Ok((ours, theirs))
}

/// Run `driver` with `interp` next to the module in `dir` (the driver is
/// copied there: `sys.path[0]` is the script's directory): (exit ok,
/// stdout, stderr).
pub fn run_driver(interp: &OsString, dir: &Path, driver: &Path) -> (bool, String, String) {
    let name = driver.file_name().unwrap_or_default();
    if let Err(e) = std::fs::copy(driver, dir.join(name)) {
        return (false, String::new(), format!("{}: {e}", driver.display()));
    }
    let mut cmd = Command::new(interp);
    cmd.arg(name).current_dir(dir).envs(crate::test::PYTHON_ENV);
    match run_captured(&mut cmd, Some(TIMEOUT)) {
        Ok(o) => (
            o.exit == crate::proc::Exit::Code(0),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        ),
        Err(e) => (false, String::new(), e.to_string()),
    }
}

/// The examples: every `cython-examples/NAME.pyx` that has a
/// `NAME_driver.py`, sorted.
pub fn examples(root: &Path) -> Vec<PathBuf> {
    let dir = root.join("cython-examples");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = rd
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pyx"))
        .filter(|p| driver_of(p).is_file())
        .collect();
    v.sort();
    v
}

/// `NAME.pyx` -> `NAME_driver.py`.
pub fn driver_of(pyx: &Path) -> PathBuf {
    pyx.with_file_name(format!("{}_driver.py", crate::capi::stem(pyx)))
}

/// C functions an example may need that this ferropy does not export yet
/// (`cython-examples/pending-symbols.txt`, one name a line): an example
/// whose only unresolved symbols are listed there is skipped with the list,
/// any other unresolved symbol fails it.
fn pending_symbols(root: &Path) -> Vec<String> {
    std::fs::read_to_string(root.join("cython-examples/pending-symbols.txt"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// `Py*` symbols `so` needs that `ferropy` does not export (empty when
/// `nm` is unavailable or `ferropy` is not a file).
pub fn unresolved(so: &Path, ferropy: &OsString) -> Vec<String> {
    let nm = |args: &[&str], f: &Path| -> Option<Vec<String>> {
        let out = Command::new("nm").args(args).arg(f).output().ok()?;
        out.status.success().then(|| {
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .filter_map(|l| l.split_whitespace().last())
                .map(|s| s.split('@').next().unwrap_or(s).to_string())
                .collect()
        })
    };
    let bin =
        crate::find_in_path(&ferropy.to_string_lossy()).unwrap_or_else(|| PathBuf::from(ferropy));
    let (Some(needed), Some(exported)) =
        (nm(&["-D", "-u"], so), nm(&["-D", "--defined-only"], &bin))
    else {
        return Vec::new();
    };
    let exported: std::collections::BTreeSet<String> = exported.into_iter().collect();
    needed
        .into_iter()
        .filter(|s| s.starts_with("Py") || s.starts_with("_Py"))
        .filter(|s| !exported.contains(s))
        .collect()
}

/// The Cython part of the C API test step: every example, built for both
/// interpreters, must print the same under ferropy as under CPython.
pub fn run_tests(root: &Path, ferropy: Option<&OsString>, patterns: &[String], c: &mut Counts) {
    let all = examples(root);
    let selected: Vec<&PathBuf> = all
        .iter()
        .filter(|p| {
            let rel = format!(
                "cython-examples/{}",
                p.file_name().unwrap_or_default().to_string_lossy()
            );
            patterns.is_empty() || patterns.iter().any(|pat| rel.contains(pat.as_str()))
        })
        .collect();
    if selected.is_empty() {
        return;
    }
    let Some(v) = cython_version() else {
        println!("skipped: cython-examples: Cython is not installed (bash .ci/setup installs it)");
        return;
    };
    let pending = pending_symbols(root);
    let out_root = crate::target_dir(root).join("cython-examples");
    for pyx in selected {
        let rel = format!(
            "cython-examples/{}",
            pyx.file_name().unwrap_or_default().to_string_lossy()
        );
        let out = out_root.join(crate::capi::stem(pyx));
        run_example(pyx, &rel, &v, &out, root, ferropy, &pending, c);
    }
}

#[allow(clippy::too_many_arguments)]
fn run_example(
    pyx: &Path,
    rel: &str,
    v: &str,
    out: &Path,
    root: &Path,
    ferropy: Option<&OsString>,
    pending: &[String],
    c: &mut Counts,
) {
    let (ours, theirs) = match build(root, pyx, out) {
        Ok(d) => d,
        Err(e) => {
            println!("FAIL  {rel} (Cython {v}): {e}");
            c.failed += 1;
            return;
        }
    };
    let driver = driver_of(pyx);
    let expected = match theirs {
        Some(d) => {
            let (ok, stdout, stderr) = run_driver(&OsString::from("python3"), &d, &driver);
            if !ok {
                println!("FAIL  {rel} under CPython:\n{stderr}");
                c.failed += 1;
                return;
            }
            Some(stdout)
        }
        None => None,
    };
    let Some(ferropy) = ferropy else {
        c.passed += 1;
        return;
    };
    let so = ours.join(format!("{}.so", crate::capi::stem(pyx)));
    let missing = unresolved(&so, ferropy);
    if !missing.is_empty() {
        let unknown: Vec<&String> = missing.iter().filter(|s| !pending.contains(s)).collect();
        if unknown.is_empty() {
            println!(
                "skip  {rel}: needs C functions this ferropy does not export yet: {}",
                missing.join(", ")
            );
            c.skipped += 1;
        } else {
            println!(
                "FAIL  {rel}: needs C functions ferropy does not export: {}",
                missing.join(", ")
            );
            c.failed += 1;
        }
        return;
    }
    let (ok, stdout, stderr) = run_driver(ferropy, &ours, &driver);
    match expected {
        Some(exp) if ok && stdout == exp => {
            println!("ok    {rel} (Cython {v}, same output as CPython)");
            c.passed += 1;
        }
        Some(exp) if ok => {
            println!("FAIL  {rel} (Cython {v}): output differs from CPython");
            print!("{}", crate::diff::unified(&exp, &stdout, 20, "      "));
            c.failed += 1;
        }
        Some(_) => {
            println!("FAIL  {rel} (Cython {v}) on ferropy:\n{stderr}");
            c.failed += 1;
        }
        None => {
            // No CPython build to compare with: ferropy must at least run it.
            if ok {
                println!("ok    {rel} (Cython {v}, runs; no CPython to compare)");
                c.passed += 1;
            } else {
                println!("FAIL  {rel} (Cython {v}) on ferropy:\n{stderr}");
                c.failed += 1;
            }
        }
    }
}
