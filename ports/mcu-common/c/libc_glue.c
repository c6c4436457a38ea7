/* The C library of extension modules on the boards: newlib-nano, with its
   allocator and system calls routed to ferropy.

   - malloc/calloc/realloc/free (and newlib's reentrant _malloc_r & co, which
     its own functions call) are PyMem_*: manual blocks of the GC heap, so
     there is one heap, and a block C keeps pointers in is a GC root.
   - _sbrk always fails: newlib never grows a heap of its own.
   - _write to descriptors 1 and 2 goes to the console (the firmware's
     ferropy_console_write); the other system calls fail with ENOSYS, or
     EBADF for descriptors that are not the console's.

   Everything here is linked with the extensions and restored with their
   statics at a soft reset (newlib's stdio state included). */

#include <Python.h>
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

/* Defined by the firmware (ports/mcu-common/src/lib.rs). */
extern void ferropy_console_write(int fd, const char *buf, size_t len);
extern void ferropy_c_exit(int status) __attribute__((noreturn));

struct _reent;

void *malloc(size_t n) { return PyMem_Malloc(n); }
void *calloc(size_t count, size_t size) { return PyMem_Calloc(count, size); }
void *realloc(void *p, size_t n) { return PyMem_Realloc(p, n); }
void free(void *p) { PyMem_Free(p); }

void *_malloc_r(struct _reent *r, size_t n) { (void)r; return PyMem_Malloc(n); }
void *_calloc_r(struct _reent *r, size_t count, size_t size) {
    (void)r;
    return PyMem_Calloc(count, size);
}
void *_realloc_r(struct _reent *r, void *p, size_t n) { (void)r; return PyMem_Realloc(p, n); }
void _free_r(struct _reent *r, void *p) { (void)r; PyMem_Free(p); }

void *_sbrk(ptrdiff_t incr) {
    (void)incr;
    errno = ENOMEM;
    return (void *)-1;
}

int _write(int fd, const char *buf, int len) {
    if (fd != 1 && fd != 2) {
        errno = EBADF;
        return -1;
    }
    if (len > 0)
        ferropy_console_write(fd, buf, (size_t)len);
    return len;
}

int _read(int fd, char *buf, int len) {
    (void)buf;
    (void)len;
    if (fd == 0)
        return 0; /* end of file */
    errno = EBADF;
    return -1;
}

int _close(int fd) {
    (void)fd;
    errno = EBADF;
    return -1;
}

int _lseek(int fd, int off, int whence) {
    (void)fd;
    (void)off;
    (void)whence;
    errno = ESPIPE;
    return -1;
}

int _fstat(int fd, struct stat *st) {
    if (fd < 0 || fd > 2) {
        errno = EBADF;
        return -1;
    }
    memset(st, 0, sizeof *st);
    st->st_mode = S_IFCHR;
    return 0;
}

int _isatty(int fd) {
    if (fd >= 0 && fd <= 2)
        return 1;
    errno = EBADF;
    return 0;
}

int _open(const char *path, int flags, int mode) {
    (void)path;
    (void)flags;
    (void)mode;
    errno = ENOSYS;
    return -1;
}

int _getpid(void) { return 1; }

int _kill(int pid, int sig) {
    (void)pid;
    (void)sig;
    errno = ENOSYS;
    return -1;
}

void _exit(int status) { ferropy_c_exit(status); }
