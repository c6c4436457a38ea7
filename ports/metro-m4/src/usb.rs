//! The console: a USB CDC-ACM serial port (`usb-device` + `usbd-serial` on
//! the SAMD51's USB peripheral).
//!
//! The USB interrupts poll the device and move received bytes into the
//! console's ring (`mcu_common::console`), where a Ctrl-C interrupts running
//! Python code. When the ring is full the bytes stay in `usbd-serial`'s
//! buffer and the endpoint NAKs the host, so nothing is lost (USB_TRCPT0 is
//! masked meanwhile); thread mode takes them when it has read the ring
//! empty (`poll_input`).
//!
//! Output is written from thread mode, polling the device while it waits
//! for room. Output is dropped while no terminal has the port open (DTR
//! low) or the host stops reading for 100 ms, so that a board without a
//! terminal never hangs on `print`.

use atsamd_hal::pac::Interrupt;
use atsamd_hal::usb::UsbBus;
use core::cell::RefCell;
use core::mem::MaybeUninit;
use cortex_m::interrupt::Mutex;
use mcu_common::console;
use mcu_common::machine::Gpio;
use usb_device::bus::UsbBusAllocator;
use usb_device::device::{
    StringDescriptors, UsbDevice, UsbDeviceBuilder, UsbDeviceState, UsbVidPid,
};
use usbd_serial::{SerialPort, USB_CLASS_CDC};

/// Adafruit's vendor ID and the Metro M4's application product ID (the one
/// Adafruit's Arduino core uses for this board).
const VID_PID: UsbVidPid = UsbVidPid(0x239a, 0x8020);

/// How long output may wait for the host, in core clock cycles (100 ms).
const WRITE_TIMEOUT: u32 = crate::pins::CPU_HZ / 10;

struct Usb {
    dev: UsbDevice<'static, UsbBus>,
    serial: SerialPort<'static, UsbBus>,
}

/// The USB serial number: the chip's unique ID in hex (set by `init`).
static mut SERIAL_NUMBER: [u8; 32] = [b'0'; 32];

/// The bus allocator: the device and the serial class borrow it forever.
static mut ALLOCATOR: MaybeUninit<UsbBusAllocator<UsbBus>> = MaybeUninit::uninit();

/// The device and the class, shared by the USB interrupts and thread mode
/// (always inside a critical section).
static USB: Mutex<RefCell<Option<Usb>>> = Mutex::new(RefCell::new(None));

/// Set up the device (call once, before unmasking the USB interrupts).
pub fn init(bus: UsbBus) {
    // SAFETY: called once at start-up, before any interrupt that uses the
    // allocator is enabled; afterwards it is only borrowed shared.
    let alloc: &'static UsbBusAllocator<UsbBus> = unsafe {
        let slot = &mut *core::ptr::addr_of_mut!(ALLOCATOR);
        slot.write(UsbBusAllocator::new(bus))
    };
    let serial = SerialPort::new(alloc);
    // SAFETY: written once here, before anything reads it; afterwards only
    // the shared `&'static str` below refers to it.
    let number: &'static str = unsafe {
        let buf = &mut *core::ptr::addr_of_mut!(SERIAL_NUMBER);
        let id = crate::pins::MetroPins.unique_id();
        for (k, b) in id.iter().enumerate() {
            buf[2 * k] = b"0123456789ABCDEF"[(b >> 4) as usize];
            buf[2 * k + 1] = b"0123456789ABCDEF"[(b & 15) as usize];
        }
        core::str::from_utf8(buf).unwrap_or("ferropy")
    };
    let strings = StringDescriptors::default()
        .manufacturer("ferropy")
        .product("ferropy on Metro M4 Express")
        .serial_number(number);
    let dev = match UsbDeviceBuilder::new(alloc, VID_PID).strings(&[strings]) {
        Ok(b) => b.device_class(USB_CLASS_CDC).build(),
        Err(_) => return,
    };
    cortex_m::interrupt::free(|cs| {
        *USB.borrow(cs).borrow_mut() = Some(Usb { dev, serial });
    });
}

/// Poll the device and move received bytes into the console's ring (as
/// many as it has room for). Interrupt context, or thread mode with
/// interrupts masked.
fn poll(usb: &mut Usb) {
    usb.dev.poll(&mut [&mut usb.serial]);
    let mut buf = [0u8; 64];
    loop {
        let room = console::rx_room().min(buf.len());
        if room == 0 {
            return;
        }
        match usb.serial.read(&mut buf[..room]) {
            Ok(n) if n > 0 => {
                for &b in &buf[..n] {
                    console::push_rx(b);
                }
            }
            _ => return,
        }
    }
}

/// The USB interrupts (all four lines of the SAMD51's USB peripheral).
///
/// A received packet that does not fit the ring stays in the endpoint with
/// its transfer-complete flag set, which would raise USB_TRCPT0 again at
/// once: that line is masked until thread mode has read the ring empty
/// (`poll_input`), so the interrupt cannot starve the program.
pub fn interrupt() {
    cortex_m::interrupt::free(|cs| {
        if let Some(usb) = USB.borrow(cs).borrow_mut().as_mut() {
            poll(usb);
        }
    });
    if console::rx_room() == 0 {
        cortex_m::peripheral::NVIC::mask(Interrupt::USB_TRCPT0);
    }
}

/// Thread mode read the ring empty (interrupts masked): take what waits in
/// the serial class and let received packets interrupt again.
pub fn poll_input() {
    interrupt();
    if console::rx_room() > 0 {
        // SAFETY: the USB_TRCPT0 handler only polls the device behind its
        // mutex; it was enabled by `main` and only masked by `interrupt`.
        unsafe { cortex_m::peripheral::NVIC::unmask(Interrupt::USB_TRCPT0) };
    }
}

/// The cycle counter works in fault handlers, where SysTick does not run.
use crate::pins::cycles;

/// Send bytes to the terminal (see the module comment for when they are
/// dropped instead).
pub fn write(bytes: &[u8]) {
    let mut rest = bytes;
    let mut since = cycles();
    while !rest.is_empty() {
        let sent = cortex_m::interrupt::free(|cs| {
            // `try_`: a fault handler may write while thread mode held it.
            let mut usb = USB.borrow(cs).try_borrow_mut().ok()?;
            let usb = usb.as_mut()?;
            poll(usb);
            if usb.dev.state() != UsbDeviceState::Configured || !usb.serial.dtr() {
                return None;
            }
            match usb.serial.write(rest) {
                Ok(n) => Some(n),
                Err(usb_device::UsbError::WouldBlock) => Some(0),
                Err(_) => None,
            }
        });
        match sent {
            None => return,
            Some(0) => {
                if cycles().wrapping_sub(since) > WRITE_TIMEOUT {
                    return;
                }
            }
            Some(n) => {
                rest = &rest[n..];
                since = cycles();
            }
        }
    }
}

/// Give the host up to `ms` milliseconds to collect pending output (before
/// a reset).
pub fn drain(ms: u32) {
    let start = cycles();
    while cycles().wrapping_sub(start) < ms * (crate::pins::CPU_HZ / 1000) {
        cortex_m::interrupt::free(|cs| {
            if let Ok(mut usb) = USB.borrow(cs).try_borrow_mut() {
                if let Some(usb) = usb.as_mut() {
                    poll(usb);
                    let _ = usb.serial.flush();
                }
            }
        });
    }
}
