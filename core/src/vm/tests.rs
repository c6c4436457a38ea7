//! Unit tests of the VM with the collector: pins, reachability, stress.

extern crate std;

use super::{Config, Vm};
use crate::obj::{self, list, Obj};
use crate::port::Port;
use std::string::String;
use std::sync::Mutex;
use std::vec;
use std::vec::Vec;

struct TestPort {
    out: Mutex<Vec<u8>>,
}

impl Port for TestPort {
    fn write_out(&self, b: &[u8]) {
        self.out.lock().unwrap().extend_from_slice(b);
    }
}

fn with_vm<F: FnOnce(&Vm, &TestPort)>(heap: usize, f: F) {
    let _g = crate::gc::TEST_LOCK
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    let region: &'static mut [u8] = vec![0u8; heap].leak();
    let port: &'static TestPort = std::boxed::Box::leak(std::boxed::Box::new(TestPort {
        out: Mutex::new(Vec::new()),
    }));
    // The top of the stack the collector scans: just above this frame (the
    // VM's own roots are precise). Not further: above a test thread's stack
    // there may be another thread's guard page.
    let marker = 0u8;
    let top = core::hint::black_box(&marker) as *const u8 as usize + 512;
    // SAFETY: the leaked region belongs to this test.
    unsafe { crate::gc::init(region.as_mut_ptr(), region.len(), top) };
    let vm = Vm::new(port, Config::small());
    vm.init().expect("vm init");
    f(&vm, port);
}

fn run(vm: &Vm, src: &str) -> Result<(), String> {
    let m = obj::module::new(vm, "__main__").map_err(|_| String::from("module"))?;
    let g = obj::module::dict_of(m);
    vm.run_source(src, "<test>", g).map(|_| ()).map_err(|_| {
        let e = vm.take_exc();
        e.map(|e| obj::exc::message(vm, e)).unwrap_or_default()
    })
}

#[test]
fn pinned_object_survives_collection() {
    with_vm(64 * 1024, |vm, _| {
        let l = list::new(vm, &[Obj::small(1), Obj::small(2)]).unwrap();
        let addr = l.raw();
        l.pin();
        // Forget every stack copy of the pointer except the pin.
        let l = core::hint::black_box(addr);
        for _ in 0..3 {
            vm.collect();
        }
        assert!(crate::gc::size_of(l as *const u8) > 0);
        // SAFETY: the pinned object is still live.
        let o = unsafe { Obj::from_raw(l).unwrap() };
        assert_eq!(list::len(o), 2);
        o.unpin();
    });
}

#[test]
fn unreachable_memory_is_reclaimed() {
    with_vm(64 * 1024, |vm, _| {
        let (used0, _) = crate::gc::usage();
        for _ in 0..50 {
            let _ = list::new(vm, &[Obj::small(1); 8]).unwrap();
        }
        vm.collect();
        let (used1, _) = crate::gc::usage();
        assert!(
            used1 <= used0 + 4 * crate::gc::BLOCK,
            "{} -> {}",
            used0,
            used1
        );
    });
}

#[test]
fn heap_exhaustion_raises_memory_error() {
    with_vm(96 * 1024, |vm, _| {
        let r = run(vm, "try:\n    y = []\n    while True:\n        y.append((1, 2, 3))\nexcept MemoryError:\n    y = None\nprint('ok')\n");
        assert_eq!(r, Ok(()));
    });
}

#[test]
fn deep_recursion_raises_recursion_error() {
    with_vm(128 * 1024, |vm, port| {
        let r = run(
            vm,
            "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError:\n    print('deep')\n",
        );
        assert_eq!(r, Ok(()));
        assert_eq!(
            std::str::from_utf8(&port.out.lock().unwrap()).unwrap(),
            "deep\n"
        );
    });
}

#[test]
fn stress_mode_keeps_live_objects() {
    with_vm(256 * 1024, |vm, port| {
        crate::gc::set_stress(true);
        let r = run(
            vm,
            "d = {}\nfor i in range(300):\n    d[i] = [i, (i, str(i))]\ns = 0\nfor k in d:\n    s += d[k][1][0]\nprint(s)\n",
        );
        crate::gc::set_stress(false);
        assert_eq!(r, Ok(()));
        assert_eq!(
            std::str::from_utf8(&port.out.lock().unwrap()).unwrap(),
            "44850\n"
        );
    });
}
