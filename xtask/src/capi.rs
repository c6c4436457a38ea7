//! The C API: `cargo xtask ext foo.c` (build an extension against
//! `include/`) and the C API step of `cargo xtask test`.
//!
//! Test layout (`tests/capi/`): every `NAME.c` except `embed*.c` is an
//! extension module `NAME`; every `*_test.py` is a driver that imports them.
//! Each module is built twice, against `include/` for ferropy and against
//! CPython's headers, and each driver must print the same under both
//! interpreters. Every `embed*.c` is a program linked with the `ferropy-capi`
//! static library; its stdout must equal `embed*.exp`.

use crate::diff;
use crate::proc::{run_captured, Exit};
use crate::{cargo, find_in_path, header, run_status, target_dir};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(60);

/// The C compiler: `$CC` or `cc`.
fn cc() -> OsString {
    std::env::var_os("CC")
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| "cc".into())
}

/// Compile `src` into the shared object `out` with the given include dir.
fn build_ext(src: &Path, out: &Path, include: &Path) -> Result<(), String> {
    build_ext_with(src, out, include, &["-Wall"])
}

/// Compile `src` into the shared object `out` with extra compiler flags.
pub fn build_ext_with(
    src: &Path,
    out: &Path,
    include: &Path,
    flags: &[&str],
) -> Result<(), String> {
    let output = Command::new(cc())
        .args(["-shared", "-fPIC", "-O1"])
        .args(flags)
        .arg("-I")
        .arg(include)
        .arg("-o")
        .arg(out)
        .arg(src)
        .arg("-lm")
        .output()
        .map_err(|e| format!("cannot run {}: {e}", cc().to_string_lossy()))?;
    if !output.status.success() {
        return Err(format!(
            "compiling {} failed:\n{}",
            src.display(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(())
}

/// `cargo xtask ext foo.c [-o foo.so]`.
pub fn ext(args: &[String]) -> ExitCode {
    let mut src = None;
    let mut out = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" => out = it.next().map(PathBuf::from),
            s if s.starts_with('-') => {
                eprintln!("usage: cargo xtask ext FILE.c|FILE.pyx [-o FILE.so]");
                return ExitCode::from(2);
            }
            s => src = Some(PathBuf::from(s)),
        }
    }
    let Some(src) = src else {
        eprintln!("usage: cargo xtask ext FILE.c|FILE.pyx [-o FILE.so]");
        return ExitCode::from(2);
    };
    let out = out.unwrap_or_else(|| src.with_extension("so"));
    let include = crate::repo_root().join("include");
    // A Cython module is translated first (into target/ext/NAME.c).
    let is_cython = matches!(
        src.extension().and_then(|e| e.to_str()),
        Some("pyx") | Some("py")
    );
    let src = if is_cython {
        let dir = crate::target_dir(&crate::repo_root()).join("ext");
        match crate::cython::cythonize(&src, &dir) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("xtask ext: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        src
    };
    match build_ext(&src, &out, &include) {
        Ok(()) => {
            println!("built {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// CPython's include directory (of the interpreter the suite compares with).
pub fn cpython_include(python: &OsString) -> Option<PathBuf> {
    let out = Command::new(python)
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['include'])",
        ])
        .output()
        .ok()?;
    let p = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    p.join("Python.h").is_file().then_some(p)
}

/// Result counts of the C API step.
pub struct Counts {
    pub passed: usize,
    pub failed: usize,
    pub skipped: usize,
}

/// The C API step of `cargo xtask test`: build the modules, run the drivers
/// under both interpreters, build and run the embedding programs.
pub fn run_tests(root: &Path, ferropy: Option<&OsString>, patterns: &[String]) -> Counts {
    let mut c = Counts {
        passed: 0,
        failed: 0,
        skipped: 0,
    };
    let dir = root.join("tests/capi");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return c;
    };
    let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    files.sort();
    let selected = |p: &Path| {
        let rel = format!(
            "tests/capi/{}",
            p.file_name().unwrap_or_default().to_string_lossy()
        );
        patterns.is_empty() || patterns.iter().any(|pat| rel.contains(pat.as_str()))
    };
    if find_in_path(&cc().to_string_lossy()).is_none() {
        println!("skipped: no C compiler ({})", cc().to_string_lossy());
        return c;
    }
    let build = target_dir(root).join("capi-tests");
    let (fdir, cdir) = (build.join("ferropy"), build.join("cpython"));
    for d in [&fdir, &cdir] {
        let _ = std::fs::create_dir_all(d);
    }
    let python = crate::cpython().ok();
    let cinclude = python.as_ref().and_then(cpython_include);
    let modules: Vec<&PathBuf> = files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "c"))
        .filter(|p| !stem(p).starts_with("embed"))
        .collect();
    let mut built = true;
    for m in &modules {
        let name = format!("{}.so", stem(m));
        let mut r = build_ext(m, &fdir.join(&name), &root.join("include"));
        if let (Ok(()), Some(inc)) = (&r, &cinclude) {
            r = build_ext(m, &cdir.join(&name), inc);
        }
        if let Err(e) = r {
            println!("FAIL  build {}\n{e}", m.display());
            c.failed += 1;
            built = false;
        }
    }
    // Drivers.
    for t in files
        .iter()
        .filter(|p| stem(p).ends_with("_test") && p.extension().is_some_and(|e| e == "py"))
    {
        if !selected(t) {
            continue;
        }
        let rel = format!(
            "tests/capi/{}",
            t.file_name().unwrap_or_default().to_string_lossy()
        );
        let (Some(ferropy), Some(python), true) = (ferropy, &python, built && cinclude.is_some())
        else {
            println!("skip  {rel} (needs ferropy, CPython 3.11 with headers and built modules)");
            continue;
        };
        let run = |interp: &OsString, path_var: &str, libdir: &Path| {
            let mut cmd = Command::new(interp);
            cmd.arg(t)
                .current_dir(&dir)
                .envs(crate::test::PYTHON_ENV)
                .env_remove("PYTHONPATH")
                .env_remove("FERROPYPATH")
                .env(path_var, libdir);
            run_captured(&mut cmd, Some(TIMEOUT))
        };
        let expected = run(python, "PYTHONPATH", &cdir);
        let actual = run(ferropy, "FERROPYPATH", &fdir);
        match (expected, actual) {
            (Ok(e), Ok(a)) if e.exit == a.exit && e.stdout == a.stdout => {
                println!("pass  {rel}");
                c.passed += 1;
            }
            (Ok(e), Ok(a)) => {
                println!("FAIL  {rel}");
                if e.exit != a.exit {
                    println!("      expected {}, got {}", e.exit, a.exit);
                }
                print!(
                    "{}",
                    diff::unified(
                        &String::from_utf8_lossy(&e.stdout),
                        &String::from_utf8_lossy(&a.stdout),
                        20,
                        "      "
                    )
                );
                for line in String::from_utf8_lossy(&a.stderr)
                    .lines()
                    .rev()
                    .take(8)
                    .collect::<Vec<_>>()
                    .iter()
                    .rev()
                {
                    println!("      | {line}");
                }
                c.failed += 1;
            }
            (Err(err), _) | (_, Err(err)) => {
                println!("FAIL  {rel}: cannot run: {err}");
                c.failed += 1;
            }
        }
    }
    run_embeds(root, &dir, &build, &files, &selected, &mut c);
    crate::cython::run_tests(root, ferropy, patterns, &mut c);
    if let Some(ferropy) = ferropy {
        crate::cytests::run_ci(root, ferropy, patterns, &mut c);
    }
    c
}

/// The embedding programs (`tests/capi/embed*.c`).
fn run_embeds(
    root: &Path,
    dir: &Path,
    build: &Path,
    files: &[PathBuf],
    selected: &dyn Fn(&Path) -> bool,
    c: &mut Counts,
) {
    let embeds: Vec<&PathBuf> = files
        .iter()
        .filter(|p| {
            p.extension().is_some_and(|e| e == "c") && stem(p).starts_with("embed") && selected(p)
        })
        .collect();
    if embeds.is_empty() {
        return;
    }
    header("C API: cargo build -p ferropy-capi (static library for embedding)");
    if !run_status(cargo(root).args(["build", "-p", "ferropy-capi"])) {
        c.failed += 1;
        return;
    }
    let lib = target_dir(root).join("debug/libferropy_capi.a");
    for e in embeds {
        let rel = format!(
            "tests/capi/{}",
            e.file_name().unwrap_or_default().to_string_lossy()
        );
        let exe = build.join(stem(e));
        let out = Command::new(cc())
            .arg("-I")
            .arg(root.join("include"))
            .arg("-o")
            .arg(&exe)
            .arg(e)
            .arg(&lib)
            .args(["-lpthread", "-ldl", "-lm"])
            .output();
        match out {
            Ok(o) if o.status.success() => {}
            Ok(o) => {
                println!(
                    "FAIL  {rel}: link failed\n{}",
                    String::from_utf8_lossy(&o.stderr)
                );
                c.failed += 1;
                continue;
            }
            Err(err) => {
                println!("FAIL  {rel}: cannot run the C compiler: {err}");
                c.failed += 1;
                continue;
            }
        }
        let exp = std::fs::read(e.with_extension("exp")).unwrap_or_default();
        match run_captured(Command::new(&exe).current_dir(dir), Some(TIMEOUT)) {
            Ok(a) if a.exit == Exit::Code(0) && a.stdout == exp => {
                println!("pass  {rel}");
                c.passed += 1;
            }
            Ok(a) => {
                println!("FAIL  {rel} ({})", a.exit);
                print!(
                    "{}",
                    diff::unified(
                        &String::from_utf8_lossy(&exp),
                        &String::from_utf8_lossy(&a.stdout),
                        20,
                        "      "
                    )
                );
                c.failed += 1;
            }
            Err(err) => {
                println!("FAIL  {rel}: cannot run: {err}");
                c.failed += 1;
            }
        }
    }
}

pub fn stem(p: &Path) -> String {
    p.file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}
