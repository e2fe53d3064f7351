// The journal grid (JRN-1): keyboard entry, a save per cell, and an outbox so nothing typed is lost.
// Every save carries an operation id made here; the server applies an operation once, so a retry
// after a lost answer never doubles a mark. Rules (lock, scale) are the server's: the page only
// shows what the server rendered or answered.

const grid = document.getElementById('journal');
if (grid) {
    start(grid);
}

function start(grid) {
    const saveUrl = grid.dataset.saveUrl;
    const outboxKey = grid.dataset.queueKey;
    const token = document.querySelector('input[name="__RequestVerificationToken"]').value;
    const status = document.getElementById('grid-status');
    // Ids live once per column (lesson, work) and once per row (pupil), not in every cell.
    const columns = [...grid.querySelectorAll('thead th.work-col')];
    const cells = new Map(); // "row:col" -> input
    for (const input of grid.querySelectorAll('input.cell')) {
        cells.set(`${input.dataset.row}:${input.dataset.col}`, input);
        input.dataset.saved = input.value;
    }
    const columnOf = (input) => columns[Number(input.dataset.col)];
    const pupilOf = (input) => input.closest('tr').dataset.pupil;

    let retryDelay = 2000;
    let retryTimer = null;
    let sending = false;

    // ---- outbox: operations not yet confirmed by the server, kept across reloads ----
    const readOutbox = () => {
        try { return JSON.parse(localStorage.getItem(outboxKey) ?? '[]'); } catch { return []; }
    };
    const writeOutbox = (ops) => localStorage.setItem(outboxKey, JSON.stringify(ops));
    const cellOf = (op) => {
        const input = grid.querySelector(`tr[data-pupil="${op.pupilId}"] input.cell[data-col="${op.col}"]`);
        return input && columnOf(input)?.dataset.lesson === op.lessonId ? input : null;
    };

    function uuid() {
        if (crypto.randomUUID) return crypto.randomUUID();
        const b = crypto.getRandomValues(new Uint8Array(16));
        b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
        const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
        return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    }

    function setState(input, state, message) {
        if (state) input.dataset.state = state; else delete input.dataset.state;
        if (message) input.title = message; else input.removeAttribute('title');
        input.setAttribute('aria-invalid', state === 'refused' ? 'true' : 'false');
    }

    function say(text) { status.textContent = text; }

    function sayPending() {
        const n = readOutbox().length;
        if (n > 0) say(`Не отправлено: ${n}. Нет связи с сервером — отправим автоматически, ничего не потеряется.`);
    }

    // ---- saving ----
    function commit(input) {
        if (input.readOnly) return;
        const value = input.value.trim();
        if (value === input.dataset.saved && input.dataset.state !== 'refused') return;
        const column = columnOf(input);
        const op = {
            operationId: uuid(),
            lessonId: column.dataset.lesson,
            workId: column.dataset.work || null,
            pupilId: pupilOf(input),
            value,
            col: input.dataset.col,
        };
        // One pending operation per cell: a newer entry replaces an unsent older one.
        const ops = readOutbox().filter((o) => !(o.lessonId === op.lessonId && o.pupilId === op.pupilId && o.col === op.col));
        ops.push(op);
        writeOutbox(ops);
        setState(input, 'saving', 'Сохраняется…');
        flush();
    }

    async function flush() {
        if (sending) return;
        sending = true;
        try {
            for (;;) {
                const op = readOutbox()[0];
                if (!op) { retryDelay = 2000; break; }
                const input = cellOf(op);
                let response;
                try {
                    response = await fetch(saveUrl, {
                        method: 'POST',
                        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-TOKEN': token },
                        redirect: 'manual', // a redirect (e.g. to the sign-in page) is never a saved cell
                        body: JSON.stringify({
                            operationId: op.operationId, lessonId: op.lessonId, workId: op.workId,
                            pupilId: op.pupilId, value: op.value,
                        }),
                        credentials: 'same-origin',
                    });
                } catch {
                    response = null; // offline or server down
                }

                if (response && (response.status === 401 || response.type === 'opaqueredirect')) {
                    // Signed out (session expired): keep everything; it goes once the teacher signs in again.
                    if (input) setState(input, 'queued', 'Не отправлено: сеанс завершён.');
                    say(`Сеанс завершён: войдите снова (в другой вкладке) — неотправленные отметки (${readOutbox().length}) сохранятся и уйдут после входа.`);
                    scheduleRetry();
                    break;
                }

                if (!response || response.status >= 500 || response.status === 408 || response.status === 429) {
                    if (input) setState(input, 'queued', 'Не отправлено: нет связи. Отправим автоматически.');
                    sayPending();
                    scheduleRetry();
                    break;
                }

                writeOutbox(readOutbox().filter((o) => o.operationId !== op.operationId));
                const body = await response.json().catch(() => ({}));
                if (!input) continue;
                if (response.ok) {
                    const still = input.value.trim() === op.value; // not retyped meanwhile
                    input.dataset.saved = body.value ?? '';
                    if (still) input.value = body.value ?? '';
                    if (body.workId) columnOf(input).dataset.work = body.workId; // the lesson's first work now exists
                    input.parentElement.classList.toggle('has-absence', /^(н|б|у|оп)$/.test(body.value ?? ''));
                    setState(input, 'saved', 'Сохранено');
                    say('Сохранено.');
                } else {
                    const reason = body.error ?? 'Не сохранено.';
                    setState(input, 'refused', reason);
                    say(`Не сохранено: ${reason}`);
                }
            }
        } finally {
            sending = false;
        }
    }

    function scheduleRetry() {
        if (retryTimer) return;
        retryTimer = setTimeout(() => { retryTimer = null; flush(); }, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 30000);
    }

    window.addEventListener('online', () => { retryDelay = 2000; flush(); });

    // ---- keyboard ----
    function move(input, dRow, dCol) {
        const next = cells.get(`${Number(input.dataset.row) + dRow}:${Number(input.dataset.col) + dCol}`);
        if (next) next.focus();
    }

    // A locked past cell offers a correction request (LCK-2) for exactly that pupil and work.
    const correctionHint = document.getElementById('correction-hint');
    function offerCorrection(input) {
        const column = columnOf(input);
        if (!correctionHint) return;
        if (!input.readOnly || !column.dataset.correctable) { correctionHint.hidden = true; return; }
        const query = new URLSearchParams({ lesson: column.dataset.lesson, pupil: pupilOf(input) });
        if (column.dataset.work) query.set('work', column.dataset.work);
        correctionHint.querySelector('a').href = `${grid.dataset.correctionUrl}?${query}`;
        correctionHint.hidden = false;
    }

    grid.addEventListener('focusin', (e) => {
        if (e.target.matches('input.cell')) { e.target.select(); offerCorrection(e.target); }
    });
    grid.addEventListener('change', (e) => {
        if (e.target.matches('input.cell')) commit(e.target);
    });
    grid.addEventListener('keydown', (e) => {
        const input = e.target;
        if (!input.matches('input.cell')) return;
        switch (e.key) {
            case 'Enter': e.preventDefault(); commit(input); move(input, e.shiftKey ? -1 : 1, 0); break;
            case 'ArrowDown': e.preventDefault(); commit(input); move(input, 1, 0); break;
            case 'ArrowUp': e.preventDefault(); commit(input); move(input, -1, 0); break;
            case 'ArrowRight':
                if (input.selectionStart === input.value.length || input.selectionEnd - input.selectionStart === input.value.length) {
                    e.preventDefault(); commit(input); move(input, 0, 1);
                }
                break;
            case 'ArrowLeft':
                if (input.selectionEnd === 0 || input.selectionEnd - input.selectionStart === input.value.length) {
                    e.preventDefault(); commit(input); move(input, 0, -1);
                }
                break;
            case 'Delete':
                if (!input.readOnly) { e.preventDefault(); input.value = ''; commit(input); }
                break;
            case 'Escape': input.value = input.dataset.saved; setState(input, null); break;
            default: break;
        }
    });

    // ---- after a reload: show and send what was typed but not confirmed ----
    for (const op of readOutbox()) {
        const input = cellOf(op);
        if (input) { input.value = op.value; setState(input, 'queued', 'Ожидает отправки'); }
    }
    sayPending();
    flush();
}
