//! The virtual machine state, error handling, allocation and the abstract
//! object protocol (getattr, call, repr, compare, arithmetic, iteration...).
//!
//! Errors are `PyResult<T> = Result<T, Raised>`: `Raised` is a token saying
//! "an exception is set in the VM" (like CPython's error indicator); the
//! exception object itself is in [`Vm::exc`].
//!
//! The VM is used through a shared reference (`&Vm`) everywhere: its mutable
//! state is in `Cell`s, so a native function may call back into Python (and
//! C may call back into the C API) without aliasing a `&mut`.

#![allow(unsafe_code)]

pub mod abs;
pub mod call;
pub mod eval;
pub mod frame;
pub mod import;
pub mod patma;

use crate::gc;
use crate::obj::{self, exc, Obj, PyPayload, TypeObj};
use crate::port::Port;
use alloc::string::String;
use core::cell::Cell;

/// "An exception has been set in the VM." Only the VM can make one.
#[derive(Debug)]
pub struct Raised(());

pub type PyResult<T> = Result<T, Raised>;

/// Interpreter-wide settings chosen by the port.
#[derive(Copy, Clone)]
pub struct Config {
    /// Words in the Python value stack (frames of Python functions).
    pub value_stack_words: usize,
    /// `sys.getrecursionlimit()` default.
    pub recursion_limit: usize,
    /// Bytes of native stack that must remain free; below that, deeper calls
    /// raise RecursionError.
    pub stack_margin: usize,
    /// Bound on syntactic nesting for the parser and the compiler (brackets,
    /// operators, blocks); deeper source is a SyntaxError. Their recursion,
    /// hence native stack use, is proportional to it.
    pub max_nesting: usize,
}

impl Config {
    pub const fn host() -> Config {
        Config {
            value_stack_words: 4096,
            recursion_limit: 1000,
            stack_margin: 64 * 1024,
            max_nesting: crate::compile::parser::MAX_NESTING,
        }
    }
    pub const fn small() -> Config {
        Config {
            value_stack_words: 512,
            recursion_limit: 1000,
            stack_margin: 3 * 1024,
            max_nesting: 40,
        }
    }
}

/// Entries of [`Vm::global_cache`] (a power of two).
pub const GLOBAL_CACHE: usize = 32;

/// Where a global name was found: entry `idx` of the module's dict, or of
/// the builtins dict while the module's dict (version `gver`) has not
/// changed shape, or among the static builtins while neither dict has.
/// Dict versions are unique across dicts, so a stale entry never matches.
#[derive(Clone, Copy)]
pub struct GlobalHit {
    pub name: usize,
    pub globals: usize,
    pub builtins: usize,
    pub gver: usize,
    pub bver: usize,
    pub idx: u32,
    pub kind: u8,
}

impl GlobalHit {
    pub const NONE: GlobalHit = GlobalHit {
        name: 0,
        globals: 0,
        builtins: 0,
        gver: 0,
        bver: 0,
        idx: 0,
        kind: 0,
    };
    /// `kind`: in the module's dict.
    pub const GLOBALS: u8 = 1;
    /// `kind`: in the builtins dict.
    pub const BUILTINS: u8 = 2;
    /// `kind`: a static builtin (in neither dict).
    pub const STATIC: u8 = 3;
}

pub struct Vm {
    pub port: &'static dyn Port,
    pub config: Config,
    /// The exception being raised, if any.
    exc: Cell<Option<Obj>>,
    /// The exception being handled (`sys.exc_info()`), if any.
    pub handled: Cell<Option<Obj>>,
    /// `builtins` module and its dict.
    pub builtins: Cell<Option<Obj>>,
    pub builtins_dict: Cell<Option<Obj>>,
    /// `sys.modules`.
    pub modules: Cell<Option<Obj>>,
    /// The `sys` module.
    pub sys: Cell<Option<Obj>>,
    /// Interned strings: dict str -> same str.
    pub interned: Cell<Option<Obj>>,
    /// `method_descriptor`s made so far, by builtin function (created on
    /// first use), so `dict.keys is dict.keys` as in CPython.
    pub method_descrs: Cell<Option<Obj>>,
    /// Preallocated MemoryError instance (raising it must not allocate).
    pub memory_error: Cell<Option<Obj>>,
    /// Preallocated RecursionError, for when the frames filled the heap.
    pub recursion_error: Cell<Option<Obj>>,
    /// Innermost executing Python frame.
    pub frame: Cell<*mut frame::Frame>,
    /// Python value stack region: [base, end), bump-allocated by frames.
    pub vstack_base: Cell<*mut usize>,
    pub vstack_end: Cell<*mut usize>,
    pub vstack_top: Cell<*mut usize>,
    /// An empty chunk kept for reuse.
    pub vstack_spare: Cell<Option<*mut usize>>,
    /// Depth of Python calls (for RecursionError).
    pub depth: Cell<usize>,
    /// Bumped whenever a frame's locals are read other than by LOAD_FAST
    /// (`locals()`, `super()`): a str a local owned since an earlier count
    /// may have escaped (see `Frame::owned`).
    pub locals_read: Cell<u32>,
    /// Where LOAD_GLOBAL last found each name (see `eval::load_global`).
    pub global_cache: [Cell<GlobalHit>; GLOBAL_CACHE],
    pub recursion_limit: Cell<usize>,
    /// Lowest native stack address we may use (plus the margin).
    pub stack_limit: Cell<usize>,
    /// Objects the VM keeps alive for itself (a list), e.g. compile-time
    /// constants, pending finalisers.
    pub keep: Cell<Option<Obj>>,
    /// Containers whose repr is being computed (a list; `Py_ReprEnter`).
    pub repr_stack: Cell<Option<Obj>>,
    /// `sys.argv` items and `sys.path` entries given by the port.
    pub pending_interrupt: Cell<bool>,
    /// Set while running finalisers, so a collection inside one does not
    /// re-enter them.
    in_finalisers: Cell<bool>,
    /// The frame calling a native function through `CALL` right now (its
    /// `sp` is exact), or null: lets `gc.collect()` clear the stale slots
    /// above the caller's stack so they keep nothing alive.
    pub call_frame: Cell<*mut frame::Frame>,
    pub flags: Cell<u32>,
    /// The C API layer, when one is linked in and installed (see
    /// [`CExtensions`]).
    pub cext: Cell<Option<&'static dyn CExtensions>>,
    /// Attribute lookup cache: (type, name) -> Option<attribute>.
    pub attr_cache: [CacheEntry; crate::config::ATTR_CACHE],
}

/// One entry of the attribute lookup cache (all raw words; 0 = empty).
pub struct CacheEntry {
    pub ty: Cell<usize>,
    pub name: Cell<usize>,
    pub value: Cell<usize>,
    pub found: Cell<bool>,
}

impl CacheEntry {
    #[allow(clippy::declare_interior_mutable_const)]
    const EMPTY: CacheEntry = CacheEntry {
        ty: Cell::new(0),
        name: Cell::new(0),
        value: Cell::new(0),
        found: Cell::new(false),
    };
}

/// What the import system needs from the C API layer (`capi` implements
/// it; the core itself knows nothing of C).
pub trait CExtensions: Sync {
    /// A module linked into the program and registered by name
    /// (`PyImport_AppendInittab`): run its init function. `Ok(None)` when
    /// no such module is registered.
    fn builtin(&self, vm: &Vm, name: &str) -> PyResult<Option<Obj>>;
    /// Run the init function at `init_addr` (`PyInit_<name>` of an
    /// extension loaded from `path` by the port) and return the module.
    fn init(&self, vm: &Vm, init_addr: usize, name: &str, path: &str) -> PyResult<Obj>;
    /// Bytes a class deriving from the C type `base` (its solid base) must
    /// allocate for its type object, when more than a `TypeObj`: a classic
    /// static C type's struct has C fields after the core's part, which C
    /// code reads from subclasses too (`type->tp_alloc`). 0: nothing extra.
    fn subclass_type_size(&self, _base: &'static TypeObj) -> usize {
        0
    }
    /// Fill the extra part of the new class `new` (see
    /// `subclass_type_size`).
    fn init_subclass_type(&self, _vm: &Vm, _base: &'static TypeObj, _new: Obj) {}
    /// Does `o`'s type (a C type) export buffers (`bf_getbuffer`)?
    fn has_buffer(&self, _o: Obj) -> bool {
        false
    }
    /// Ask `o`'s C type for a buffer (`flags`: CPython's `PyBUF_*`).
    /// `Ok(None)`: the type exports none.
    fn get_buffer(
        &self,
        _vm: &Vm,
        _o: Obj,
        _flags: u32,
    ) -> PyResult<Option<obj::memoryview::ExtBuffer>> {
        Ok(None)
    }
    /// Give back a buffer from `get_buffer` (`bf_releasebuffer`).
    fn release_buffer(&self, _vm: &Vm, _handle: usize) {}
}

/// VM flags.
pub mod vmflags {
    /// Interactive mode (REPL): PRINT_EXPR prints.
    pub const INTERACTIVE: u32 = 1;
    /// The `builtins` module's dict holds every builtin (see
    /// `builtins::materialize`): the static tables are no longer consulted,
    /// so a name deleted from it is gone.
    pub const BUILTINS_DICT_FULL: u32 = 2;
}

impl gc::Roots for Vm {
    fn trace(&self, m: &mut gc::Marker) {
        for c in [
            &self.exc,
            &self.handled,
            &self.builtins,
            &self.builtins_dict,
            &self.modules,
            &self.sys,
            &self.interned,
            &self.method_descrs,
            &self.memory_error,
            &self.recursion_error,
            &self.keep,
            &self.repr_stack,
        ] {
            if let Some(o) = c.get() {
                m.mark_word(o.raw());
            }
        }
        for e in self.attr_cache.iter() {
            m.mark_word(e.ty.get());
            m.mark_word(e.name.get());
            m.mark_word(e.value.get());
        }
        // The names of the LOAD_GLOBAL cache stay alive, so that no other
        // str can take a cached name's address.
        for e in self.global_cache.iter() {
            m.mark_word(e.get().name);
        }
        m.mark_interior(self.frame.get() as usize);
        frame::trace_stack(self, m);
        m.drain();
    }
}

impl Vm {
    /// Create a VM over a heap region. The port must have called
    /// `gc::init` already.
    pub fn new(port: &'static dyn Port, config: Config) -> Vm {
        let sp = gc::stack_pointer();
        Vm {
            port,
            config,
            exc: Cell::new(None),
            handled: Cell::new(None),
            builtins: Cell::new(None),
            builtins_dict: Cell::new(None),
            modules: Cell::new(None),
            sys: Cell::new(None),
            interned: Cell::new(None),
            method_descrs: Cell::new(None),
            memory_error: Cell::new(None),
            recursion_error: Cell::new(None),
            frame: Cell::new(core::ptr::null_mut()),
            vstack_base: Cell::new(core::ptr::null_mut()),
            vstack_end: Cell::new(core::ptr::null_mut()),
            vstack_top: Cell::new(core::ptr::null_mut()),
            vstack_spare: Cell::new(None),
            depth: Cell::new(0),
            locals_read: Cell::new(0),
            global_cache: core::array::from_fn(|_| Cell::new(GlobalHit::NONE)),
            recursion_limit: Cell::new(config.recursion_limit),
            stack_limit: Cell::new(port.stack_limit(sp).saturating_add(config.stack_margin)),
            keep: Cell::new(None),
            repr_stack: Cell::new(None),
            pending_interrupt: Cell::new(false),
            in_finalisers: Cell::new(false),
            call_frame: Cell::new(core::ptr::null_mut()),
            flags: Cell::new(0),
            cext: Cell::new(None),
            attr_cache: [CacheEntry::EMPTY; crate::config::ATTR_CACHE],
        }
    }

    /// Second stage of start-up: allocate the value stack and the core
    /// modules. Fails only when the heap is too small.
    pub fn init(&self) -> PyResult<()> {
        let words = self.config.value_stack_words.max(frame::CHUNK_HEADER + 64);
        // The first value-stack chunk (manual, not scanned whole: `trace`
        // scans the live part of each chunk).
        let p = gc::alloc(
            words * core::mem::size_of::<usize>(),
            gc::kind::MANUAL | gc::kind::NOSCAN,
        )
        .ok_or_else(|| self.fatal_memory())? as *mut usize;
        let cap = gc::size_of(p as *const u8) / core::mem::size_of::<usize>();
        // SAFETY: p is a fresh manual block of `cap` words; its header says
        // "no previous chunk".
        unsafe {
            *p = 0;
            *p.add(1) = 0;
            *p.add(2) = p.add(cap) as usize;
            self.vstack_base.set(p);
            self.vstack_top.set(p.add(frame::CHUNK_HEADER));
            self.vstack_end.set(p.add(cap));
        }
        let me = exc::new_exception_raw(self, &exc::MEMORY_ERROR, &[])?;
        self.memory_error.set(Some(me));
        let rm = obj::str::new(self, "maximum recursion depth exceeded")?;
        let re = exc::new_exception_raw(self, &exc::RECURSION_ERROR, &[rm])?;
        self.recursion_error.set(Some(re));
        self.interned.set(Some(obj::dict::new(self)?));
        self.keep.set(Some(obj::list::new(self, &[])?));
        self.modules.set(Some(obj::dict::new(self)?));
        crate::builtins::init(self)?;
        crate::modules::init(self)?;
        Ok(())
    }

    fn fatal_memory(&self) -> Raised {
        Raised(())
    }

    // ---------------------------------------------------------------- errors

    /// Set `exc` (an exception instance) as the exception being raised.
    pub fn raise(&self, exc: Obj) -> Raised {
        self.exc.set(Some(exc));
        Raised(())
    }
    /// The exception being raised (still set).
    pub fn exc(&self) -> Option<Obj> {
        self.exc.get()
    }
    /// Take the exception being raised, clearing it.
    pub fn take_exc(&self) -> Option<Obj> {
        self.exc.take()
    }
    /// Set the raised exception back (e.g. after inspecting it).
    pub fn restore_exc(&self, e: Option<Obj>) {
        self.exc.set(e);
    }
    /// A `Raised` token for an exception already set (used by the C API when
    /// C code returned NULL with an exception set).
    pub fn already_raised(&self) -> Raised {
        if self.exc.get().is_none() {
            let _ = self.new_error(&exc::SYSTEM_ERROR, "error return without exception set");
        }
        Raised(())
    }
    /// Does the raised exception match `ty`?
    pub fn exc_matches(&self, ty: &'static TypeObj) -> bool {
        match self.exc.get() {
            Some(e) => e.ty().is_subtype(ty),
            None => false,
        }
    }
    /// Raise a new exception of type `ty` with message `msg`.
    #[cold]
    pub fn new_error(&self, ty: &'static TypeObj, msg: &str) -> Raised {
        match obj::str::new(self, msg).and_then(|m| exc::new_exception_raw(self, ty, &[m])) {
            Ok(e) => self.raise(e),
            Err(r) => r,
        }
    }
    #[cold]
    pub fn type_error(&self, msg: &str) -> Raised {
        self.new_error(&exc::TYPE_ERROR, msg)
    }
    #[cold]
    pub fn value_error(&self, msg: &str) -> Raised {
        self.new_error(&exc::VALUE_ERROR, msg)
    }
    #[cold]
    pub fn index_error(&self, msg: &str) -> Raised {
        self.new_error(&exc::INDEX_ERROR, msg)
    }
    #[cold]
    pub fn overflow_error(&self, msg: &str) -> Raised {
        self.new_error(&exc::OVERFLOW_ERROR, msg)
    }
    #[cold]
    pub fn zero_division(&self, msg: &str) -> Raised {
        self.new_error(&exc::ZERO_DIVISION_ERROR, msg)
    }
    #[cold]
    pub fn runtime_error(&self, msg: &str) -> Raised {
        self.new_error(&exc::RUNTIME_ERROR, msg)
    }
    #[cold]
    pub fn not_implemented_error(&self, msg: &str) -> Raised {
        self.new_error(&exc::NOT_IMPLEMENTED_ERROR, msg)
    }
    #[cold]
    pub fn stop_iteration(&self) -> Raised {
        match exc::new_exception_raw(self, &exc::STOP_ITERATION, &[]) {
            Ok(e) => self.raise(e),
            Err(r) => r,
        }
    }
    /// KeyError carrying the key itself (its repr is the message).
    #[cold]
    pub fn key_error(&self, key: Obj) -> Raised {
        match exc::new_exception_raw(self, &exc::KEY_ERROR, &[key]) {
            Ok(e) => self.raise(e),
            Err(r) => r,
        }
    }
    #[cold]
    pub fn memory_error(&self) -> Raised {
        // A fresh instance when the heap still allows one; the preallocated
        // one (which never collects a traceback) otherwise.
        if let Some(p) = gc::alloc(core::mem::size_of::<exc::ExcObj>(), gc::kind::OBJECT) {
            gc::free(p);
            if let Ok(e) = exc::new_exception_raw(self, &exc::MEMORY_ERROR, &[]) {
                return self.raise(e);
            }
        }
        match self.memory_error.get() {
            Some(e) => {
                exc::reset_for_reraise(e);
                self.raise(e)
            }
            None => Raised(()),
        }
    }
    /// `AttributeError: 'T' object has no attribute 'name'`.
    #[cold]
    pub fn attribute_error(&self, o: Obj, name: Obj) -> Raised {
        let n = obj::str::as_str(name).unwrap_or("?");
        let msg = if let Some(t) = o.as_type() {
            alloc::format!("type object '{}' has no attribute '{}'", t.name(), n)
        } else if o.layout() == obj::Layout::Module {
            let mname = obj::module::name(o);
            alloc::format!("module '{}' has no attribute '{}'", mname, n)
        } else {
            alloc::format!("'{}' object has no attribute '{}'", o.ty().name(), n)
        };
        let r = self.new_error(&exc::ATTRIBUTE_ERROR, &msg);
        // `name` and `obj`, as CPython's generic lookup sets them.
        if let Some(e) = self.exc.get() {
            if let Some(d) = exc::exc_of(e).and_then(|x| x.dict.get()) {
                let _ = obj::dict::set_str(self, d, "name", name)
                    .and_then(|_| obj::dict::set_str(self, d, "obj", o));
            }
        }
        r
    }
    /// RecursionError if the native stack is nearly exhausted.
    #[inline]
    pub fn check_stack(&self) -> PyResult<()> {
        if gc::stack_pointer() < self.stack_limit.get() {
            return Err(self.recursion_error());
        }
        Ok(())
    }
    #[cold]
    pub fn recursion_error(&self) -> Raised {
        let msg = "maximum recursion depth exceeded";
        if let Ok(e) = obj::str::new(self, msg)
            .and_then(|m| exc::new_exception_raw(self, &exc::RECURSION_ERROR, &[m]))
        {
            return self.raise(e);
        }
        // The heap is full of frames: use the preallocated instance.
        match self.recursion_error.get() {
            Some(e) => {
                exc::reset_for_reraise(e);
                self.raise(e)
            }
            None => self.memory_error(),
        }
    }

    // ----------------------------------------------------------- allocation

    /// Allocate `size` bytes of heap memory of `kind` (zeroed), collecting
    /// when needed; MemoryError when the heap is exhausted.
    pub fn alloc_raw(&self, size: usize, kind: u8) -> PyResult<*mut u8> {
        if gc::wants_collect(size) {
            self.collect();
        }
        if let Some(p) = gc::alloc(size, kind) {
            return Ok(p);
        }
        self.collect();
        gc::alloc(size, kind).ok_or_else(|| self.memory_error())
    }
    /// Allocate an object with payload `v` in `size >= size_of::<T>()` bytes.
    pub fn alloc_obj_sized<T: PyPayload>(&self, v: T, size: usize) -> PyResult<Obj> {
        let heap_type = v_type_is_heap(&v);
        let mut kind = gc::kind::OBJECT;
        if !heap_type && payload_noscan(T::LAYOUT) {
            kind |= gc::kind::NOSCAN;
        }
        let p = self.alloc_raw(size.max(core::mem::size_of::<T>()), kind)? as *mut T;
        // SAFETY: fresh allocation of at least size_of::<T>() bytes, aligned
        // to a block.
        unsafe {
            p.write(v);
            Ok(Obj::from_ptr(p))
        }
    }
    /// Allocate an object with payload `v`.
    #[inline]
    pub fn alloc_obj<T: PyPayload>(&self, v: T) -> PyResult<Obj> {
        self.alloc_obj_sized(v, core::mem::size_of::<T>())
    }
    /// Allocate an array of `n` object slots (all None-less: zero words),
    /// scanned by the collector.
    pub fn alloc_slots(&self, n: usize) -> PyResult<*mut Option<Obj>> {
        Ok(self.alloc_raw(n.max(1) * core::mem::size_of::<usize>(), 0)? as *mut Option<Obj>)
    }
    /// Run a full collection now, then pending finalisers.
    pub fn collect(&self) -> usize {
        let freed = gc::collect(self);
        if !self.in_finalisers.get() {
            self.in_finalisers.set(true);
            obj::weakref::run_callbacks(self);
            self.in_finalisers.set(false);
            self.run_finalisers();
        }
        freed
    }
    fn run_finalisers(&self) {
        let mut q = [0usize; gc::FINALISE_QUEUE];
        let n = gc::take_finalisers(&mut q);
        if n == 0 {
            return;
        }
        self.in_finalisers.set(true);
        let saved = self.take_exc();
        for &addr in &q[..n] {
            // SAFETY: the collector queued live object allocations only.
            if let Some(o) = unsafe { Obj::from_raw(addr) } {
                if let Err(_e) = obj::typeobj::finalise(self, o) {
                    // Exceptions in __del__ are reported and ignored, as CPython.
                    if let Some(e) = self.take_exc() {
                        self.port.write_err(b"Exception ignored in: __del__\n");
                        let _ = crate::builtins::print_exception(self, e);
                    }
                }
            }
        }
        self.restore_exc(saved);
        self.in_finalisers.set(false);
    }

    /// Run the `atexit` callbacks, if the module was imported (ports call
    /// this when the main program has ended). Errors are reported there.
    pub fn run_atexit(&self) {
        let saved = self.take_exc();
        let m = self
            .modules
            .get()
            .and_then(|d| obj::dict::get_str(self, d, "atexit").ok().flatten());
        if let Some(m) = m {
            let r =
                crate::vm::abs::getattr_opt_str(self, m, "_run_exitfuncs").and_then(|f| match f {
                    Some(f) => crate::vm::call::call(self, f, &[]).map(|_| ()),
                    None => Ok(()),
                });
            if r.is_err() {
                if let Some(e) = self.take_exc() {
                    let _ = crate::builtins::print_exception(self, e);
                }
            }
        }
        self.restore_exc(saved);
    }

    /// The interned str equal to `s`.
    pub fn intern(&self, s: &str) -> PyResult<Obj> {
        if let Some(o) = obj::str::pool_lookup(s) {
            return Ok(o);
        }
        let table = self.interned.get().expect("vm initialised");
        if let Some(o) = obj::dict::get_str(self, table, s)? {
            return Ok(o);
        }
        let o = obj::str::new(self, s)?;
        obj::dict::set(self, table, o, o)?;
        Ok(o)
    }
    /// Intern an existing str object (returns the canonical one).
    pub fn intern_obj(&self, o: Obj) -> PyResult<Obj> {
        let table = self.interned.get().expect("vm initialised");
        if let Some(s) = obj::str::as_str(o) {
            if let Some(c) = obj::str::pool_lookup(s) {
                return Ok(c);
            }
            if let Some(c) = obj::dict::get_str(self, table, s)? {
                return Ok(c);
            }
        }
        obj::dict::set(self, table, o, o)?;
        Ok(o)
    }
    /// Keep `o` alive as long as the VM (module-level caches etc.).
    pub fn keep_alive(&self, o: Obj) -> PyResult<()> {
        if let Some(k) = self.keep.get() {
            obj::list::append(self, k, o)?;
        }
        Ok(())
    }

    /// Write to `sys.stdout` (or the port's stdout before `sys` exists).
    pub fn write_stdout(&self, s: &str) -> PyResult<()> {
        crate::modules::sys::write_stdout(self, s)
    }

    /// Convert a Rust string to a Python str.
    #[inline]
    pub fn new_str(&self, s: &str) -> PyResult<Obj> {
        obj::str::new(self, s)
    }
    pub fn new_string(&self, s: String) -> PyResult<Obj> {
        obj::str::new(self, &s)
    }
}

fn v_type_is_heap<T: PyPayload>(v: &T) -> bool {
    // SAFETY: every payload starts with ObjHead (PyPayload contract).
    let head = unsafe { &*(v as *const T as *const obj::ObjHead) };
    if head.ty.is_null() {
        return false;
    }
    // SAFETY: a non-null type pointer in a payload is a live type object.
    unsafe { (*head.ty).is_heap() }
}

fn payload_noscan(l: obj::Layout) -> bool {
    matches!(
        l,
        obj::Layout::Float
            | obj::Layout::Complex
            | obj::Layout::Str
            | obj::Layout::Bytes
            | obj::Layout::Int
    )
}

// ------------------------------------------------------------ running code

impl Vm {
    /// Compile source text to a code object (SyntaxError on bad source).
    pub fn compile(&self, src: &str, filename: &str, mode: crate::compile::Mode) -> PyResult<Obj> {
        match crate::compile::compile_source_with_limit(
            src,
            filename,
            mode,
            self.config.max_nesting,
        ) {
            Ok(cu) => obj::func::load_code(self, &cu),
            Err(e) => Err(self.syntax_error(&e, filename)),
        }
    }

    /// Raise a Python SyntaxError (or IndentationError/TabError) from a
    /// compiler error.
    pub fn syntax_error(&self, e: &crate::compile::SyntaxError, filename: &str) -> Raised {
        use crate::compile::lexer::ErrKind;
        let ty: &'static TypeObj = match e.kind {
            ErrKind::Syntax => &exc::SYNTAX_ERROR,
            ErrKind::Indentation => &exc::INDENTATION_ERROR,
            ErrKind::Tab => &exc::TAB_ERROR,
        };
        let r = (|| -> PyResult<Obj> {
            let msg = self.new_str(&e.msg)?;
            let fname = self.new_str(filename)?;
            let text = match &e.text {
                Some(t) => {
                    let mut t = t.clone();
                    t.push('\n');
                    self.new_string(t)?
                }
                None => obj::none(),
            };
            let info = obj::tuple::new(
                self,
                &[
                    fname,
                    Obj::small(e.line as isize),
                    Obj::small(e.col as isize),
                    text,
                    Obj::small(e.line as isize),
                    Obj::small(e.col as isize),
                ],
            )?;
            exc::new_exception_raw(self, ty, &[msg, info])
        })();
        match r {
            Ok(x) => self.raise(x),
            Err(r) => r,
        }
    }

    /// Run module-level (or `exec`) code with the given namespaces.
    pub fn exec_code(&self, code: Obj, globals: Obj, locals: Option<Obj>) -> PyResult<Obj> {
        if obj::dict::get_str(self, globals, "__builtins__")?.is_none() {
            if let Some(b) = self.builtins.get() {
                obj::dict::set_str(self, globals, "__builtins__", b)?;
            }
        }
        let f = frame::alloc_frame(
            self,
            code,
            globals,
            Some(locals.unwrap_or(globals)),
            None,
            false,
        )?;
        frame::init_cells(self, f, None)?;
        eval::run_frame(self, f)
    }

    /// Compile and run `src` in the namespace `globals`.
    pub fn run_source(&self, src: &str, filename: &str, globals: Obj) -> PyResult<Obj> {
        let code = self.compile(src, filename, crate::compile::Mode::Exec)?;
        self.exec_code(code, globals, None)
    }
}

#[cfg(test)]
mod tests;
