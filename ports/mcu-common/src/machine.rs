//! The `machine` module (MicroPython's API, the part these boards support):
//! `Pin`, `freq()`, `reset()`, `soft_reset()`, `unique_id()`, `bitstream()`
//! (the primitive under the `neopixel` module), `mem8`/`mem16`/`mem32`. The Python side lives here,
//! shared by the firmwares; the hardware side is the board's [`Gpio`].
//!
//! A pin is named by its board name (`"D13"`, `"LED"`...), the MCU's name
//! for it (`"PA16"`), or an integer (the Arduino pin number on the Metro
//! M4), as the board's `Gpio` decides.

use alloc::format;
use ferropy_core::obj::attr::AttrEntry;
use ferropy_core::obj::{dict, int, module, none, str as pystr, tuple, Args, Obj};
use ferropy_core::vm::{abs, call, PyResult, Vm};
use ferropy_core::{function, method};

/// A pin's direction.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Mode {
    In,
    Out,
}

/// A pin's pull resistor.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Pull {
    None,
    Up,
    Down,
}

/// The hardware under `machine`. Pin numbers are the board's own (GPIO
/// numbers on the SAMD51: port group * 32 + bit).
pub trait Gpio: Sync {
    /// The pin a name (upper case) or an integer stands for, if any (and if
    /// Python code may use it).
    fn pin_by_name(&self, name: &str) -> Option<u8>;
    fn pin_by_number(&self, n: isize) -> Option<u8>;
    /// The board name of a pin, for `repr`.
    fn pin_name(&self, pin: u8) -> &'static str;
    /// Change the direction and/or the pull (`None`: leave as is).
    fn configure(&self, pin: u8, mode: Option<Mode>, pull: Option<Pull>);
    /// The level on the pin.
    fn read(&self, pin: u8) -> bool;
    /// Set the pin's output level.
    fn write(&self, pin: u8, high: bool);
    fn toggle(&self, pin: u8);
    /// The CPU clock, Hz.
    fn freq(&self) -> u32;
    /// Hard reset.
    fn reset(&self) -> !;
    /// A 128-bit serial number.
    fn unique_id(&self) -> [u8; 16];
    /// Send `buf` on `pin`, most significant bit first: high for
    /// `timing[0]` then low for `timing[1]` ns for a 0 bit, `timing[2]` /
    /// `timing[3]` for a 1 bit.
    fn bitstream(&self, pin: u8, timing_ns: [u32; 4], buf: &[u8]);
}

fn gpio() -> &'static dyn Gpio {
    match crate::PORT.board().gpio() {
        Some(g) => g,
        None => &NO_GPIO,
    }
}

/// For boards without pins (never used: `machine` is only offered by
/// boards with a `Gpio`).
struct NoGpio;

impl Gpio for NoGpio {
    fn pin_by_name(&self, _name: &str) -> Option<u8> {
        None
    }
    fn pin_by_number(&self, _n: isize) -> Option<u8> {
        None
    }
    fn pin_name(&self, _pin: u8) -> &'static str {
        "?"
    }
    fn configure(&self, _pin: u8, _mode: Option<Mode>, _pull: Option<Pull>) {}
    fn read(&self, _pin: u8) -> bool {
        false
    }
    fn write(&self, _pin: u8, _high: bool) {}
    fn toggle(&self, _pin: u8) {}
    fn freq(&self) -> u32 {
        0
    }
    fn reset(&self) -> ! {
        cortex_m::peripheral::SCB::sys_reset()
    }
    fn unique_id(&self) -> [u8; 16] {
        [0; 16]
    }
    fn bitstream(&self, _pin: u8, _timing_ns: [u32; 4], _buf: &[u8]) {}
}

static NO_GPIO: NoGpio = NoGpio;

// ------------------------------------------------------------------- Pin

const MODE_IN: isize = 0;
const MODE_OUT: isize = 1;
const PULL_UP: isize = 1;
const PULL_DOWN: isize = 2;

/// The pin a `Pin` id names.
fn pin_of(vm: &Vm, id: Obj) -> PyResult<u8> {
    let g = gpio();
    let pin = if let Some(name) = pystr::as_str(id) {
        g.pin_by_name(&name.to_ascii_uppercase())
    } else {
        g.pin_by_number(abs::index_isize(vm, id)?)
    };
    match pin {
        Some(p) => Ok(p),
        None => {
            let r = abs::repr(vm, id)?;
            let text = pystr::as_str(r).unwrap_or("?");
            Err(vm.value_error(&format!("invalid pin: {}", text)))
        }
    }
}

/// The pin kept in a `Pin` instance.
fn pin_id(vm: &Vm, pin: Obj) -> PyResult<u8> {
    let g = abs::getattr_str(vm, pin, "_pin")?;
    match g.as_small() {
        Some(n @ 0..=255) => Ok(n as u8),
        _ => Err(vm.value_error("Pin: not initialised")),
    }
}

/// `mode`/`pull`/`value` arguments: `mode` -1 or absent leaves the
/// direction alone; `pull` absent or -1 leaves the pull alone, `None` or 0
/// removes it; `value` sets the output level first.
fn configure(
    vm: &Vm,
    pin: u8,
    mode: Option<Obj>,
    pull: Option<Obj>,
    value: Option<Obj>,
) -> PyResult<()> {
    let g = gpio();
    if let Some(v) = value.filter(|v| !v.is_none()) {
        g.write(pin, abs::truthy(vm, v)?);
    }
    let mode = match mode.filter(|m| !m.is_none()) {
        None => None,
        Some(m) => match abs::index_isize(vm, m)? {
            -1 => None,
            MODE_IN => Some(Mode::In),
            MODE_OUT => Some(Mode::Out),
            _ => return Err(vm.value_error("Pin: mode must be Pin.IN or Pin.OUT")),
        },
    };
    let pull = match pull {
        None => None,
        Some(p) if p.is_none() => Some(Pull::None),
        Some(p) => match abs::index_isize(vm, p)? {
            -1 => None,
            0 => Some(Pull::None),
            PULL_UP => Some(Pull::Up),
            PULL_DOWN => Some(Pull::Down),
            _ => return Err(vm.value_error("Pin: pull must be None, Pin.PULL_UP or Pin.PULL_DOWN")),
        },
    };
    g.configure(pin, mode, pull);
    Ok(())
}

/// `Pin(id, mode=-1, pull=-1, *, value=None)`.
fn pin_init_new(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [this, id, mode, pull, value] =
        args.bind(vm, "Pin", ["self", "id", "mode", "pull", "value"], 2)?;
    let this = this.unwrap_or(none());
    let pin = pin_of(vm, id.unwrap_or(none()))?;
    abs::setattr(vm, this, vm.intern("_pin")?, Some(Obj::small(pin as isize)))?;
    configure(vm, pin, mode, pull, value)?;
    Ok(none())
}

/// `pin.init(mode=-1, pull=-1, *, value=None)`.
fn pin_init(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [this, mode, pull, value] = args.bind(vm, "init", ["self", "mode", "pull", "value"], 1)?;
    let pin = pin_id(vm, this.unwrap_or(none()))?;
    configure(vm, pin, mode, pull, value)?;
    Ok(none())
}

/// `pin.value([x])` and `pin([x])`: read the pin, or set its output.
fn pin_value(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "value", 1, 2)?;
    let pin = pin_id(vm, args.pos[0])?;
    match args.pos.get(1) {
        None => Ok(Obj::small(gpio().read(pin) as isize)),
        Some(&v) => {
            gpio().write(pin, abs::truthy(vm, v)?);
            Ok(none())
        }
    }
}

fn pin_on(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "on", 1, 1)?;
    gpio().write(pin_id(vm, args.pos[0])?, true);
    Ok(none())
}

fn pin_off(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "off", 1, 1)?;
    gpio().write(pin_id(vm, args.pos[0])?, false);
    Ok(none())
}

fn pin_toggle(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "toggle", 1, 1)?;
    gpio().toggle(pin_id(vm, args.pos[0])?);
    Ok(none())
}

fn pin_repr(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__repr__", 1, 1)?;
    let pin = pin_id(vm, args.pos[0])?;
    vm.new_string(format!("Pin(\"{}\")", gpio().pin_name(pin)))
}

static PIN_METHODS: [AttrEntry; 8] = [
    method!("__init__", pin_init_new),
    method!("init", pin_init),
    method!("value", pin_value),
    method!("__call__", pin_value),
    method!("on", pin_on),
    method!("off", pin_off),
    method!("toggle", pin_toggle),
    method!("__repr__", pin_repr),
];

// -------------------------------------------------------------- functions

/// `freq()`: the CPU clock; `freq(hz)` accepts only the current one.
fn m_freq(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "freq", 0, 1)?;
    let hz = gpio().freq();
    if let Some(&f) = args.pos.first() {
        if abs::index_isize(vm, f)? != hz as isize {
            return Err(vm.value_error(&format!("freq: this board runs at {} Hz only", hz)));
        }
        return Ok(none());
    }
    int::new_i64(vm, hz as i64)
}

fn m_reset(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "reset", 0, 0)?;
    gpio().reset()
}

/// `soft_reset()`: a SystemExit, which the REPL turns into a soft reset.
fn m_soft_reset(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "soft_reset", 0, 0)?;
    let e = call::call(vm, ferropy_core::obj::exc::SYSTEM_EXIT.as_obj(), &[])?;
    Err(vm.raise(e))
}

fn m_unique_id(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "unique_id", 0, 0)?;
    ferropy_core::obj::bytes::new(vm, &gpio().unique_id())
}

/// `bitstream(pin, encoding, timing, buf)`: encoding 0 only (MicroPython's
/// high/low-time encoding, used for WS2812 LEDs): each bit of `buf`, most
/// significant first, is a high pulse then a low pulse, of `timing =
/// (high0, low0, high1, low1)` nanoseconds.
fn m_bitstream(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "bitstream", 4, 4)?;
    let pin = pin_id(vm, args.pos[0])?;
    if abs::index_isize(vm, args.pos[1])? != 0 {
        return Err(vm.value_error("bitstream: only encoding 0 is supported"));
    }
    let timing = args.pos[2];
    if !tuple::is_tuple(timing) || tuple::tuple_items(timing).len() != 4 {
        return Err(vm.type_error("bitstream: timing must be a tuple of 4 ints"));
    }
    let mut ns = [0u32; 4];
    for (t, &o) in ns.iter_mut().zip(tuple::tuple_items(timing).iter()) {
        *t = abs::index_isize(vm, o)?.clamp(0, 1_000_000) as u32;
    }
    let buf = ferropy_core::obj::bytes::buffer_of(args.pos[3])
        .ok_or_else(|| vm.type_error("bitstream: buf must be bytes-like"))?;
    gpio().bitstream(pin, ns, buf);
    Ok(none())
}

// ------------------------------------------------------ mem8/mem16/mem32

/// The access width (bytes) of a `mem` object.
fn mem_width(vm: &Vm, this: Obj) -> PyResult<u32> {
    match abs::getattr_str(vm, this, "_width")?.as_small() {
        Some(w @ (1 | 2 | 4)) => Ok(w as u32),
        _ => Err(vm.value_error("mem: bad width")),
    }
}

/// An int argument as a 32-bit word: 0..2**32, or negative down to -2**31
/// (taken modulo 2**32, as MicroPython does for values).
fn word_of(vm: &Vm, o: Obj, what: &str) -> PyResult<u32> {
    let i = abs::index(vm, o)?;
    match int::to_i64(i) {
        Some(v) if (-(1i64 << 31)..(1i64 << 32)).contains(&v) => Ok(v as u32),
        _ => Err(vm.value_error(&format!("mem: {} out of range", what))),
    }
}

/// The address of `mem[addr]`, checked for alignment.
fn mem_addr(vm: &Vm, this: Obj, addr: Obj) -> PyResult<(usize, u32)> {
    let width = mem_width(vm, this)?;
    let a = word_of(vm, addr, "address")?;
    if a % width != 0 {
        return Err(vm.value_error("mem: unaligned address"));
    }
    Ok((a as usize, width))
}

/// `mem32[addr]`: read memory (a bad address faults: the board reports the
/// HardFault and resets, as on MicroPython).
fn mem_getitem(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__getitem__", 2, 2)?;
    let (a, width) = mem_addr(vm, args.pos[0], args.pos[1])?;
    // SAFETY: the Python program asked for this aligned address, as
    // MicroPython's `machine.mem32` allows; reading device or unmapped
    // memory is its responsibility (a fault is reported, not hidden).
    let v = unsafe {
        match width {
            1 => core::ptr::read_volatile(a as *const u8) as u32,
            2 => core::ptr::read_volatile(a as *const u16) as u32,
            _ => core::ptr::read_volatile(a as *const u32),
        }
    };
    int::new_i64(vm, v as i64)
}

/// `mem32[addr] = value`.
fn mem_setitem(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__setitem__", 3, 3)?;
    let (a, width) = mem_addr(vm, args.pos[0], args.pos[1])?;
    let v = word_of(vm, args.pos[2], "value")?;
    // SAFETY: as in `mem_getitem`: the program chose the address.
    unsafe {
        match width {
            1 => core::ptr::write_volatile(a as *mut u8, v as u8),
            2 => core::ptr::write_volatile(a as *mut u16, v as u16),
            _ => core::ptr::write_volatile(a as *mut u32, v),
        }
    }
    Ok(none())
}

fn mem_repr(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__repr__", 1, 1)?;
    let bits = mem_width(vm, args.pos[0])? * 8;
    vm.new_string(format!("<{}-bit memory>", bits))
}

static MEM_METHODS: [AttrEntry; 3] = [
    method!("__getitem__", mem_getitem),
    method!("__setitem__", mem_setitem),
    method!("__repr__", mem_repr),
];

/// A class in `machine`: `type(name, (), namespace)`.
fn new_class(
    vm: &Vm,
    name: &str,
    methods: &[AttrEntry],
    consts: &[(&str, isize)],
) -> PyResult<Obj> {
    let ns = dict::new(vm)?;
    dict::set_str(vm, ns, "__module__", vm.new_str("machine")?)?;
    for e in methods {
        dict::set_str(vm, ns, e.name, e.obj.get())?;
    }
    for &(n, v) in consts {
        dict::set_str(vm, ns, n, Obj::small(v))?;
    }
    let bases = tuple::new(vm, &[])?;
    call::call(
        vm,
        ferropy_core::obj::typeobj::TYPE_TYPE.as_obj(),
        &[vm.new_str(name)?, bases, ns],
    )
}

static MACHINE_FUNCS: [AttrEntry; 5] = [
    function!("freq", m_freq),
    function!("reset", m_reset),
    function!("soft_reset", m_soft_reset),
    function!("unique_id", m_unique_id),
    function!("bitstream", m_bitstream),
];

/// Build the `machine` module.
pub fn make(vm: &Vm) -> PyResult<Obj> {
    let m = module::new(vm, "machine")?;
    let d = module::dict_of(m);
    for e in MACHINE_FUNCS.iter() {
        dict::set_str(vm, d, e.name, e.obj.get())?;
    }
    let pin = new_class(
        vm,
        "Pin",
        &PIN_METHODS,
        &[
            ("IN", MODE_IN),
            ("OUT", MODE_OUT),
            ("PULL_UP", PULL_UP),
            ("PULL_DOWN", PULL_DOWN),
        ],
    )?;
    dict::set_str(vm, d, "Pin", pin)?;
    let mem = new_class(vm, "mem", &MEM_METHODS, &[])?;
    for (name, width) in [("mem8", 1), ("mem16", 2), ("mem32", 4)] {
        let o = call::call(vm, mem, &[])?;
        abs::setattr(vm, o, vm.intern("_width")?, Some(Obj::small(width)))?;
        dict::set_str(vm, d, name, o)?;
    }
    Ok(m)
}
