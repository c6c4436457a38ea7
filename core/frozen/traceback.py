"""Extract, format and print tracebacks (ferropy's own implementation of
CPython's ``traceback``). Output is CPython 3.11's, without the ``^^^``
position markers (ferropy's code objects have no column table)."""

import sys

__all__ = ['extract_stack', 'extract_tb', 'format_exception', 'format_exception_only',
           'format_list', 'format_stack', 'format_tb', 'print_exc', 'format_exc',
           'print_exception', 'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException', 'walk_stack', 'walk_tb']

_RECURSIVE_CUTOFF = 3
_sentinel = object()


class FrameSummary:
    __slots__ = ('filename', 'lineno', 'name', '_line', 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None,
                 **kw):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno and
                    self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return '<FrameSummary file {filename}, line {lineno} in {name}>'.format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            import linecache
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


def walk_stack(f):
    if f is None:
        f = sys._getframe().f_back.f_back.f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def walk_tb(tb):
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


class StackSummary(list):
    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        return klass._extract(((f, ln) for f, ln in frame_gen), limit, lookup_lines,
                              capture_locals)

    @classmethod
    def _extract(klass, gen, limit, lookup_lines, capture_locals):
        if limit is None:
            limit = getattr(sys, 'tracebacklimit', None)
            if limit is not None and limit < 0:
                limit = 0
        items = list(gen)
        if limit is not None:
            items = items[:limit] if limit >= 0 else items[limit:]
        result = klass()
        for f, lineno in items:
            co = f.f_code
            result.append(FrameSummary(co.co_filename, lineno, co.co_name,
                                       lookup_line=False,
                                       locals=f.f_locals if capture_locals else None))
        if lookup_lines:
            for f in result:
                f.line
        return result

    @classmethod
    def from_list(klass, a_list):
        result = klass()
        for f in a_list:
            if isinstance(f, FrameSummary):
                result.append(f)
            else:
                filename, lineno, name, line = f
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, fs):
        row = ['  File "%s", line %s, in %s\n' % (fs.filename, fs.lineno, fs.name)]
        if fs.line:
            row.append('    %s\n' % fs.line)
        if fs.locals:
            for name, value in sorted(fs.locals.items()):
                row.append('    %s = %s\n' % (name, value))
        return ''.join(row)

    def format(self):
        result = []
        last = None
        count = 0
        for fs in self:
            key = (fs.filename, fs.lineno, fs.name)
            if last is None or last != key:
                if count > _RECURSIVE_CUTOFF:
                    count -= _RECURSIVE_CUTOFF
                    result.append('  [Previous line repeated %d more time%s]\n'
                                  % (count, 's' if count > 1 else ''))
                last = key
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(self.format_frame_summary(fs))
        if count > _RECURSIVE_CUTOFF:
            count -= _RECURSIVE_CUTOFF
            result.append('  [Previous line repeated %d more time%s]\n'
                          % (count, 's' if count > 1 else ''))
        return result


def extract_tb(tb, limit=None):
    return StackSummary._extract(walk_tb(tb), limit, True, False)


def extract_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary._extract(walk_stack(f), limit, True, False)
    stack.reverse()
    return stack


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end='')


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def format_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def print_stack(f=None, limit=None, file=None):
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def _some_str(value):
    try:
        return str(value)
    except Exception:
        return '<exception str() failed>'


def _qualname(t):
    q = getattr(t, '__qualname__', None) or t.__name__
    m = getattr(t, '__module__', None)
    if m not in ('__main__', 'builtins', None):
        q = m + '.' + q
    return q


class TracebackException:
    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15,
                 max_group_depth=10, _seen=None):
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.stack = StackSummary._extract(walk_tb(exc_traceback), limit, lookup_lines,
                                           capture_locals)
        self.exc_type = exc_type
        self._str = _some_str(exc_value)
        self.__notes__ = getattr(exc_value, '__notes__', None)
        if exc_type and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.msg = exc_value.msg
        self.__cause__ = None
        self.__context__ = None
        self.__suppress_context__ = exc_value.__suppress_context__ if exc_value is not None \
            else False
        if exc_value is not None:
            c = exc_value.__cause__
            if c is not None and id(c) not in _seen:
                self.__cause__ = TracebackException(type(c), c, c.__traceback__, limit=limit,
                                                    lookup_lines=lookup_lines,
                                                    capture_locals=capture_locals,
                                                    _seen=_seen)
            c = exc_value.__context__
            if c is not None and id(c) not in _seen and not (compact and (
                    self.__cause__ is not None or self.__suppress_context__)):
                self.__context__ = TracebackException(type(c), c, c.__traceback__,
                                                      limit=limit, lookup_lines=lookup_lines,
                                                      capture_locals=capture_locals,
                                                      _seen=_seen)
        self.max_group_width = max_group_width
        self.max_group_depth = max_group_depth
        self.exceptions = None
        if exc_value is not None and isinstance(exc_value, BaseExceptionGroup):
            self.exceptions = [TracebackException(type(e), e, e.__traceback__, limit=limit,
                                                  max_group_width=max_group_width,
                                                  max_group_depth=max_group_depth,
                                                  _seen=_seen)
                               for e in exc_value.exceptions]

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        if self.exc_type is None:
            yield _format_final_exc_line(None, self._str)
            return
        stype = _qualname(self.exc_type)
        if not issubclass(self.exc_type, SyntaxError):
            yield _format_final_exc_line(stype, self._str)
        else:
            yield from self._format_syntax_error(stype)
        if isinstance(self.__notes__, (list, tuple)):
            for note in self.__notes__:
                yield _some_str(note) + '\n'
        elif self.__notes__ is not None:
            yield '<note str() failed>\n'

    def _format_syntax_error(self, stype):
        filename_suffix = ''
        if self.lineno is not None:
            yield '  File "{}", line {}\n'.format(self.filename or '<string>', self.lineno)
        elif self.filename is not None:
            filename_suffix = ' ({})'.format(self.filename)
        text = self.text
        if text is not None:
            rtext = text.rstrip('\n')
            ltext = rtext.lstrip(' \n\f')
            spaces = len(rtext) - len(ltext)
            yield '    {}\n'.format(ltext)
            if self.offset is not None:
                offset = self.offset
                caretspace = ltext[:offset - 1 - spaces]
                caretspace = ''.join(c if c.isspace() else ' ' for c in caretspace)
                yield '    {}^\n'.format(caretspace)
        msg = self.msg or '<no detail available>'
        yield '{}: {}{}\n'.format(stype, msg, filename_suffix)

    def format(self, *, chain=True, _ctx=None):
        # _ctx: [group depth, whether a closing rule is still owed]
        if _ctx is None:
            _ctx = [0, False]
        output = []
        exc = self
        if chain:
            while exc is not None:
                if exc.__cause__ is not None:
                    chained_msg = ('\nThe above exception was the direct cause of the '
                                   'following exception:\n\n')
                    chained_exc = exc.__cause__
                elif exc.__context__ is not None and not exc.__suppress_context__:
                    chained_msg = ('\nDuring handling of the above exception, another '
                                   'exception occurred:\n\n')
                    chained_exc = exc.__context__
                else:
                    chained_msg = None
                    chained_exc = None
                output.append((chained_msg, exc))
                exc = chained_exc
        else:
            output.append((None, exc))
        for msg, exc in reversed(output):
            if msg is not None:
                yield _margin(_ctx, msg)
            if exc.exceptions is None:
                if exc.stack:
                    yield _margin(_ctx, 'Traceback (most recent call last):\n')
                    for frame in exc.stack.format():
                        yield _margin(_ctx, frame)
                for line in exc.format_exception_only():
                    yield _margin(_ctx, line)
            elif _ctx[0] > exc.max_group_depth:
                yield _margin(_ctx, '... (max_group_depth is %d)\n' % exc.max_group_depth)
            else:
                yield from exc._format_group(chain, _ctx)

    def _format_group(self, chain, _ctx):
        outermost = _ctx[0] == 0
        if outermost:
            _ctx[0] = 1
        if self.stack:
            yield _margin(_ctx, 'Exception Group Traceback (most recent call last):\n',
                          '+' if outermost else '|')
            for frame in self.stack.format():
                yield _margin(_ctx, frame)
        for line in self.format_exception_only():
            yield _margin(_ctx, line)
        total = len(self.exceptions)
        width = self.max_group_width
        shown = total if total <= width else width + 1
        _ctx[1] = False
        for i in range(shown):
            last = i == shown - 1
            if last:
                _ctx[1] = True
            cut = i >= width
            head = '...' if cut else str(i + 1)
            yield ' ' * (2 * _ctx[0]) + ('+-' if i == 0 else '  ') + \
                '+---------------- %s ----------------\n' % head
            _ctx[0] += 1
            if cut:
                more = total - width
                yield _margin(_ctx, 'and %d more exception%s\n' % (more, 's' if more > 1 else ''))
            else:
                yield from self.exceptions[i].format(chain=chain, _ctx=_ctx)
            if last and _ctx[1]:
                yield ' ' * (2 * _ctx[0]) + '+------------------------------------\n'
                _ctx[1] = False
            _ctx[0] -= 1
        if outermost:
            _ctx[0] = 0

    def print(self, *, file=None, chain=True):
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end='')


def _margin(ctx, text, mark='|'):
    # Inside an exception group every line gets the group's indent and margin.
    if not ctx[0]:
        return text
    pre = ' ' * (2 * ctx[0]) + mark + ' '
    return ''.join(pre + line for line in text.splitlines(True))


def _format_final_exc_line(etype, value):
    valuestr = _some_str(value)
    if value is None or not valuestr:
        return '%s\n' % etype
    return '%s: %s\n' % (etype, valuestr)


def _parse(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError('Both or neither of value and tb must be given')
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError('Exception expected for value, %s found' % type(exc).__name__)
        return None, None
    return value, tb


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    value, tb = _parse(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    value, tb = _parse(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    te.print(file=file, chain=chain)


def format_exception_only(exc, /, value=_sentinel):
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    return list(te.format_exception_only())


def print_exc(limit=None, file=None, chain=True):
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    return ''.join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, 'last_type'):
        raise ValueError('no last exception')
    print_exception(sys.last_type, sys.last_value, sys.last_traceback, limit, file, chain)


def clear_frames(tb):
    pass
