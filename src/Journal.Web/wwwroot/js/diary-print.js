// DRY-4: the diary's «Печать» button; without scripts it stays hidden and the browser's own print works the same.
for (const button of document.querySelectorAll('button[data-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
}
