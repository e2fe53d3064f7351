// JRN-6, КТП. The pages work without this script; it only saves a teacher some typing and waiting.
//  - Lesson page: picking a plan topic puts its title into «Тема урока» (unless the teacher wrote a
//    wording of their own) and shows which homework the plan will fill in.
//  - Plan page: a file over the size limit is refused before it is uploaded.

const select = document.getElementById('plan-topic');
const topic = document.getElementById('topic');
const hint = document.querySelector('[data-plan-homework-hint]');

if (select && topic) {
    const titles = new Set([...select.options].map(o => o.dataset.title).filter(Boolean));
    select.addEventListener('change', () => {
        const option = select.selectedOptions[0];
        const title = option?.dataset.title;
        if (title && (topic.value.trim() === '' || titles.has(topic.value.trim()))) {
            topic.value = title;
        }

        if (hint) {
            const homework = option?.dataset.homework;
            hint.hidden = !homework;
            hint.textContent = homework ? `Если задание не записать, подставится задание из КТП: «${homework}».` : '';
        }
    });
}

for (const input of document.querySelectorAll('input[type=file][data-max-bytes]')) {
    const error = input.form?.querySelector('[data-file-error]');
    const check = () => {
        const file = input.files?.[0];
        const tooBig = Boolean(file) && file.size > Number(input.dataset.maxBytes);
        if (error) {
            error.textContent = tooBig
                ? `Файл больше 2 МБ (${(file.size / 1048576).toFixed(1).replace('.', ',')} МБ): выберите файл КТП поменьше.`
                : '';
        }

        return !tooBig;
    };
    input.addEventListener('change', check);
    input.form?.addEventListener('submit', event => {
        if (!check()) {
            event.preventDefault();
        }
    });
}
