//! The `ferropy` executable for Linux: runs a script, `-c CODE`, `-m module`
//! or an interactive REPL, with the heap size chosen by `-X heapsize=N`.

mod net;
mod port;

#[global_allocator]
static ALLOC: port::HeapAlloc = port::HeapAlloc;
mod repl;

use ferropy_core::obj::{dict, exc, list, module, none, str as pystr};
use ferropy_core::vm::{Config, Vm};
use std::process::exit;

fn usage() -> ! {
    eprintln!(
        "usage: ferropy [-X heapsize=N[k|m]] [-X gcstress] [-c cmd | -m mod | file | -] [arg] ...\n       ferropy --compile FILE.py [-o FILE.fpc]"
    );
    exit(2);
}

fn parse_size(s: &str) -> Option<usize> {
    let s = s.trim();
    let (num, mul) = match s.chars().last()? {
        'k' | 'K' => (&s[..s.len() - 1], 1024),
        'm' | 'M' => (&s[..s.len() - 1], 1024 * 1024),
        _ => (s, 1),
    };
    num.parse::<usize>().ok().map(|n| n * mul)
}

/// Default GC heap on Linux: address space reserved up front, RAM used only
/// as the program needs it (`-X heapsize=N` sets it; the boards have 150 KB).
const DEFAULT_HEAP: usize = 512 * 1024 * 1024;

enum Mode {
    Script(String),
    Command(String),
    Module(String),
    Repl,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut heap = DEFAULT_HEAP;
    let mut explicit_heap = false;
    let mut stress = false;
    let mut i = 1;
    let mut mode = Mode::Repl;
    let mut inspect = false;
    while i < args.len() {
        let a = &args[i];
        if a == "-X" {
            i += 1;
            let opt = args.get(i).cloned().unwrap_or_else(|| usage());
            if let Some(v) = opt.strip_prefix("heapsize=") {
                heap = parse_size(v).unwrap_or_else(|| usage());
                explicit_heap = true;
            } else if opt == "gcstress" {
                stress = true;
            }
        } else if let Some(opt) = a.strip_prefix("-X") {
            if let Some(v) = opt.strip_prefix("heapsize=") {
                heap = parse_size(v).unwrap_or_else(|| usage());
                explicit_heap = true;
            } else if opt == "gcstress" {
                stress = true;
            }
        } else if a == "-c" {
            i += 1;
            mode = Mode::Command(args.get(i).cloned().unwrap_or_else(|| usage()));
            i += 1;
            break;
        } else if a == "-m" {
            i += 1;
            mode = Mode::Module(args.get(i).cloned().unwrap_or_else(|| usage()));
            i += 1;
            break;
        } else if a == "--compile" {
            exit(compile_file(&args[i + 1..]));
        } else if a == "-i" {
            inspect = true;
        } else if a == "-u" || a == "-B" || a == "-E" || a == "-s" || a == "-S" {
            // Accepted for compatibility; no effect.
        } else if a == "-h" || a == "--help" {
            usage();
        } else if a == "--version" || a == "-V" {
            println!("Python 3.11.0 (ferropy {})", env!("CARGO_PKG_VERSION"));
            exit(0);
        } else if a == "-" {
            mode = Mode::Repl;
            i += 1;
            break;
        } else if a.starts_with('-') && a.len() > 1 {
            eprintln!("ferropy: unknown option {}", a);
            usage();
        } else {
            mode = Mode::Script(a.clone());
            i += 1;
            break;
        }
        i += 1;
    }
    let rest: Vec<String> = args[i.min(args.len())..].to_vec();
    let code = run(heap, explicit_heap, stress, mode, rest, inspect);
    port::flush();
    exit(code);
}

/// `ferropy --compile in.py [-o out.fpc]`: compile a module ahead of time to
/// serialised bytecode (default output: the input with `.fpc`). The recorded
/// file name is the input path as given.
fn compile_file(args: &[String]) -> i32 {
    let (input, output) = match args {
        [i] => (i.clone(), None),
        [i, o, out] if o == "-o" => (i.clone(), Some(out.clone())),
        _ => usage(),
    };
    let output = output.unwrap_or_else(|| {
        let p = std::path::Path::new(&input);
        p.with_extension("fpc").to_string_lossy().into_owned()
    });
    let src = match std::fs::read(&input) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("ferropy: can't open file '{}': {}", input, e);
            return 2;
        }
    };
    let Ok(text) = std::str::from_utf8(&src) else {
        eprintln!("{}: SyntaxError: Non-UTF-8 code", input);
        return 1;
    };
    let cu = match ferropy_core::compile::compile_source(
        text,
        &input,
        ferropy_core::compile::Mode::Exec,
    ) {
        Ok(cu) => cu,
        Err(e) => {
            eprintln!("  File \"{}\", line {}", input, e.line);
            if let Some(t) = &e.text {
                eprintln!("    {}", t.trim());
            }
            eprintln!("SyntaxError: {}", e.msg);
            return 1;
        }
    };
    let data = ferropy_core::marshal::encode(&cu);
    if let Err(e) = std::fs::write(&output, data) {
        eprintln!("ferropy: can't write '{}': {}", output, e);
        return 1;
    }
    0
}

/// Reserve `size` zeroed bytes for the GC heap (halving down to 16 MB when
/// the size is the default and the system refuses it).
fn reserve_heap(mut size: usize, explicit: bool) -> (*mut u8, usize) {
    loop {
        let p = std::alloc::Layout::from_size_align(size.max(1), 16)
            .ok()
            // SAFETY: the layout has a non-zero size.
            .map(|l| unsafe { std::alloc::alloc_zeroed(l) })
            .unwrap_or(std::ptr::null_mut());
        if !p.is_null() {
            return (p, size);
        }
        if explicit || size <= 16 * 1024 * 1024 {
            eprintln!("ferropy: cannot reserve a heap of {} bytes", size);
            exit(1);
        }
        size /= 2;
    }
}

#[allow(clippy::too_many_arguments)]
fn run(
    heap: usize,
    explicit_heap: bool,
    stress: bool,
    mode: Mode,
    rest: Vec<String>,
    inspect: bool,
) -> i32 {
    let stack_top = port::stack_top();
    // The heap region lives for the whole process. It is fresh zeroed
    // memory (calloc), so pages the program never uses cost nothing; when
    // the default size cannot be reserved, ask for less.
    let (region, heap) = reserve_heap(heap, explicit_heap);
    // SAFETY: the region is ours alone for the rest of the process, and
    // every byte of it is zero.
    unsafe { ferropy_core::gc::init_zeroed(region, heap, stack_top) };
    ferropy_core::gc::set_stress(stress);
    let mut config = Config::host();
    if heap < 1024 * 1024 {
        config.value_stack_words = 512;
    }
    let vm = Vm::new(&port::UNIX_PORT, config);
    if vm.init().is_err() {
        eprintln!("ferropy: heap too small");
        return 1;
    }
    // C extensions reach this VM through the C API.
    ferropy_capi::install(&vm);
    port::install_sigint();
    let result = (|| -> ferropy_core::vm::PyResult<()> {
        let sys = vm.sys.get().unwrap_or(none());
        let sd = module::dict_of(sys);
        let argv0 = match &mode {
            Mode::Script(p) => p.clone(),
            Mode::Command(_) => "-c".into(),
            Mode::Module(m) => m.clone(),
            Mode::Repl => String::new(),
        };
        let argv = list::new(&vm, &[])?;
        list::append(&vm, argv, vm.new_str(&argv0)?)?;
        for a in &rest {
            list::append(&vm, argv, vm.new_str(a)?)?;
        }
        dict::set_str(&vm, sd, "argv", argv)?;
        let path = list::new(&vm, &[])?;
        let first = match &mode {
            Mode::Script(p) => std::path::Path::new(p)
                .parent()
                .map(|d| d.to_string_lossy().into_owned())
                .unwrap_or_default(),
            // -m: the current directory, as an absolute path (CPython's).
            Mode::Module(_) => std::env::current_dir()
                .map(|d| d.to_string_lossy().into_owned())
                .unwrap_or_default(),
            _ => String::new(),
        };
        list::append(&vm, path, vm.new_str(&first)?)?;
        if let Ok(pp) = std::env::var("FERROPYPATH").or_else(|_| std::env::var("PYTHONPATH")) {
            for p in pp.split(':').filter(|p| !p.is_empty()) {
                list::append(&vm, path, vm.new_str(p)?)?;
            }
        }
        dict::set_str(&vm, sd, "path", path)?;
        dict::set_str(
            &vm,
            sd,
            "executable",
            vm.new_str(
                &std::env::current_exe()
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            )?,
        )?;
        Ok(())
    })();
    if result.is_err() {
        return report(&vm);
    }
    let main = match module::new(&vm, "__main__") {
        Ok(m) => m,
        Err(_) => return report(&vm),
    };
    let globals = module::dict_of(main);
    let _ = dict::set_str(
        &vm,
        globals,
        "__builtins__",
        vm.builtins.get().unwrap_or(none()),
    );
    let _ = dict::set_str(&vm, vm.modules.get().unwrap_or(none()), "__main__", main);
    let status = match mode {
        Mode::Script(path) => match std::fs::read(&path) {
            Ok(src) => {
                let _ = dict::set_str(
                    &vm,
                    globals,
                    "__file__",
                    vm.new_str(&path).unwrap_or(none()),
                );
                let text = String::from_utf8_lossy(&src).into_owned();
                match vm.run_source(&text, &path, globals) {
                    Ok(_) => 0,
                    Err(_) => report(&vm),
                }
            }
            Err(e) => {
                eprintln!(
                    "ferropy: can't open file '{}': [Errno {}] {}",
                    path,
                    e.raw_os_error().unwrap_or(2),
                    e
                );
                2
            }
        },
        Mode::Command(c) => match vm.run_source(&c, "<string>", globals) {
            Ok(_) => 0,
            Err(_) => report(&vm),
        },
        Mode::Module(m) => {
            let r = ferropy_core::vm::import::run_module_as_main(&vm, &m, globals);
            match r {
                Ok(_) => 0,
                Err(_) => report(&vm),
            }
        }
        // SAFETY: isatty only inspects the descriptor.
        Mode::Repl if unsafe { libc::isatty(0) } != 1 => {
            // Piped input runs as a script, as CPython does.
            let mut src = Vec::new();
            let _ = std::io::Read::read_to_end(&mut std::io::stdin(), &mut src);
            let text = String::from_utf8_lossy(&src).into_owned();
            match vm.run_source(&text, "<stdin>", globals) {
                Ok(_) => 0,
                Err(_) => report(&vm),
            }
        }
        Mode::Repl => repl::run(&vm, globals),
    };
    let status = if inspect && status == 0 {
        repl::run(&vm, globals)
    } else {
        status
    };
    vm.run_atexit();
    status
}

/// Print the pending exception as CPython does and return the exit status
/// (SystemExit gives its code).
fn report(vm: &Vm) -> i32 {
    let Some(e) = vm.take_exc() else { return 1 };
    if e.ty().is_subtype(&exc::SYSTEM_EXIT) {
        return exit_code(vm, e);
    }
    let _ = ferropy_core::modules::sys::flush_stdout(vm);
    if ferropy_core::builtins::print_exception(vm, e).is_err() {
        eprintln!("ferropy: error while printing an exception");
    }
    1
}

/// The exit status a SystemExit asks for (printing a non-int code).
pub fn exit_code(vm: &Vm, e: ferropy_core::obj::Obj) -> i32 {
    {
        let code = exc::exc_of(e)
            .and_then(|x| x.dict.get())
            .and_then(|d| dict::get_str(vm, d, "code").ok().flatten())
            .unwrap_or(none());
        if code.is_none() {
            return 0;
        }
        if let Some(v) = code.as_small() {
            return v as i32;
        }
        if let Some(b) = ferropy_core::obj::int::as_bool(code) {
            return b as i32;
        }
        let s = ferropy_core::vm::abs::str(vm, code)
            .ok()
            .and_then(|s| pystr::as_str(s).map(String::from))
            .unwrap_or_default();
        let _ = ferropy_core::modules::sys::write_stderr(vm, &format!("{}\n", s));
        1
    }
}
