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
fn cythonize(pyx: &Path, dir: &Path) -> Result<PathBuf, String> {
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

/// The Cython part of the C API test step.
pub fn run_tests(root: &Path, ferropy: Option<&OsString>, c: &mut Counts) {
    let pyx = root.join("cython-examples/hello.pyx");
    if !pyx.exists() {
        return;
    }
    let rel = "cython-examples/hello.pyx";
    let Some(v) = cython_version() else {
        println!("skipped: {rel}: Cython is not installed (bash .ci/setup installs it)");
        return;
    };
    let out = crate::target_dir(root).join("cython-examples");
    let (ours, theirs) = match build(root, &pyx, &out) {
        Ok(d) => d,
        Err(e) => {
            println!("FAIL  {rel} (Cython {v}): {e}");
            c.failed += 1;
            return;
        }
    };
    let driver = root.join("cython-examples/hello_driver.py");
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
