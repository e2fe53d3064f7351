using Journal.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>JRN-1 as a teacher uses it: keyboard entry in Chromium, reload, offline, the lock.</summary>
public sealed class JournalBrowserTests(JournalApp app)
{
    private async Task<(IPlaywright, IBrowser, IPage)> OpenJournalAsync(string journal)
    {
        var (playwright, browser) = await BrowserTests.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ru-RU" });
        await page.GotoAsync(new Uri(app.BaseAddress, "/login").ToString());
        await page.GetByLabel("Логин").FillAsync("teacher@demo");
        await page.GetByLabel("Пароль").FillAsync(JournalApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await page.WaitForURLAsync("**/s/demo/teacher");
        await page.GetByRole(AriaRole.Link, new() { Name = journal, Exact = true }).ClickAsync();
        await page.WaitForSelectorAsync("table#journal");
        return (playwright, browser, page);
    }

    /// <summary>The editable cells of the most recent lesson with entries still open, top to bottom.</summary>
    private static async Task<IReadOnlyList<ILocator>> LatestOpenColumnAsync(IPage page)
    {
        var column = await page.EvalOnSelectorAllAsync<string>(
            "input.cell:not([readonly])", "cells => cells[cells.length - 1].dataset.col");
        var cells = page.Locator($"input.cell[data-col='{column}']:not([readonly])");
        return await cells.AllAsync();
    }

    private static Task WaitSavedAsync(ILocator cell) =>
        Assertions.Expect(cell).ToHaveAttributeAsync("data-state", "saved", new() { Timeout = 10_000 });

    [Fact]
    public async Task Teacher_types_marks_and_an_absence_and_sees_them_after_a_reload()
    {
        var (playwright, browser, page) = await OpenJournalAsync("5А — Математика");
        using var _ = playwright;
        await using var __ = browser;
        var cells = await LatestOpenColumnAsync(page);
        cells.Count.ShouldBeGreaterThan(20);
        var names = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            names.Add((await cells[i].GetAttributeAsync("aria-label"))!);
        }

        await cells[0].FocusAsync();
        await page.Keyboard.TypeAsync("5");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("н");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("4/5");
        await page.Keyboard.PressAsync("Enter");
        foreach (var cell in cells.Take(3))
        {
            await WaitSavedAsync(cell);
        }

        Directory.CreateDirectory(BrowserTests.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.Screenshots, "journal-5a-maths.png") });
        await page.ReloadAsync();

        (await page.GetByLabel(names[0], new() { Exact = true }).InputValueAsync()).ShouldBe("5");
        (await page.GetByLabel(names[1], new() { Exact = true }).InputValueAsync()).ShouldBe("н");
        (await page.GetByLabel(names[2], new() { Exact = true }).InputValueAsync()).ShouldBe("4/5");
    }

    [Fact]
    public async Task A_refused_entry_says_why_in_russian_and_is_not_saved()
    {
        var (playwright, browser, page) = await OpenJournalAsync("5Б — Математика");
        using var _ = playwright;
        await using var __ = browser;
        var cell = (await LatestOpenColumnAsync(page))[4];
        var label = (await cell.GetAttributeAsync("aria-label"))!;
        var before = await cell.InputValueAsync();

        await cell.FocusAsync();
        await page.Keyboard.TypeAsync("6");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(cell).ToHaveAttributeAsync("data-state", "refused");
        (await cell.GetAttributeAsync("title"))!.ShouldContain("вне шкалы");
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("Не сохранено");
        await page.ReloadAsync();
        (await page.GetByLabel(label, new() { Exact = true }).InputValueAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Entries_typed_while_the_server_is_unreachable_survive_a_reload_and_are_saved_once()
    {
        var (playwright, browser, page) = await OpenJournalAsync("5Б — Математика");
        using var _ = playwright;
        await using var __ = browser;
        var cells = await LatestOpenColumnAsync(page);
        var label = (await cells[8].GetAttributeAsync("aria-label"))!;
        var ids = await cells[8].EvaluateAsync<string[]>(
            "el => [document.querySelectorAll('thead th.work-col')[el.dataset.col].dataset.lesson, el.closest('tr').dataset.pupil]");
        var (lesson, pupil) = (ids[0], ids[1]);
        await page.RouteAsync("**/teacher/journal/cell", route => route.AbortAsync());

        await cells[8].FocusAsync();
        await page.Keyboard.TypeAsync("3");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(cells[8]).ToHaveAttributeAsync("data-state", "queued");
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("Не отправлено: 1");

        await page.ReloadAsync(); // still unreachable: the entry comes back from the browser's outbox
        var cell = page.GetByLabel(label, new() { Exact = true });
        (await cell.InputValueAsync()).ShouldBe("3");
        await Assertions.Expect(cell).ToHaveAttributeAsync("data-state", "queued");

        await page.UnrouteAllAsync();
        await page.EvaluateAsync("window.dispatchEvent(new Event('online'))");
        await WaitSavedAsync(cell);
        (await page.EvaluateAsync<int>("localStorage.length === 0 ? 0 : JSON.parse(localStorage.getItem(Object.keys(localStorage)[0])).length"))
            .ShouldBe(0);

        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        (await sql.ScalarAsync<long>(
            "SELECT count(*) FROM journal_changes WHERE lesson_id = @l AND pupil_id = @p AND new_value = '3'",
            ("l", Guid.Parse(lesson)), ("p", Guid.Parse(pupil)))).ShouldBe(1);
    }

    [Fact]
    public async Task A_mark_of_a_lesson_15_days_ago_cannot_be_changed()
    {
        var (playwright, browser, page) = await OpenJournalAsync("5А — Математика");
        using var _ = playwright;
        await using var __ = browser;
        var locked = page.Locator("input.cell[readonly][data-state='locked']").First;
        var before = await locked.InputValueAsync();

        await locked.FocusAsync();
        await page.Keyboard.TypeAsync("2");
        await page.Keyboard.PressAsync("Enter");

        (await locked.InputValueAsync()).ShouldBe(before);
        await Assertions.Expect(locked).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("журнал закрыт"));
    }

    [Fact]
    public async Task LCK2_a_locked_mark_is_changed_by_a_request_the_deputy_approves_and_the_change_is_in_the_history()
    {
        var (playwright, browser, page) = await OpenJournalAsync("5А — Математика");
        using var _ = playwright;
        await using var __ = browser;
        // In a quarter's first two weeks the locked lessons are in the previous quarter.
        var periods = page.Locator("a[href*='?period=']");
        for (var i = await periods.CountAsync() - 1; i >= 0 && await page.Locator("th.work-col[data-correctable]").CountAsync() == 0; i--)
        {
            await periods.Nth(i).ClickAsync();
            await page.WaitForSelectorAsync("table#journal");
        }

        var journalUrl = page.Url;
        var column = await page.EvalOnSelectorAllAsync<string>(
            "th.work-col", "ths => String(ths.findIndex(th => th.dataset.correctable))");
        var locked = page.Locator($"input.cell[data-col='{column}']").Nth(1);
        var label = (await locked.GetAttributeAsync("aria-label"))!;
        var wanted = await locked.InputValueAsync() == "5" ? "4" : "5";

        await locked.FocusAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Подать заявку на исправление этой клетки" }).ClickAsync();
        await page.GetByLabel("Исправить на").FillAsync(wanted);
        await page.GetByLabel("Основание").SelectOptionAsync(new SelectOptionValue { Label = "болезнь ученика (медицинская справка)" });
        await page.GetByLabel("Пояснение и документ").FillAsync("Справка № 5 от 02.11, болел с 27.10 по 01.11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Отправить заявку" }).ClickAsync();
        var sent = await page.GetByRole(AriaRole.Status).InnerTextAsync();
        sent.ShouldContain("отправлена заместителю директора");
        var number = System.Text.RegularExpressions.Regex.Match(sent, @"№ (\d+)").Groups[1].Value;

        var deputy = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ru-RU" });
        await deputy.GotoAsync(new Uri(app.BaseAddress, "/login").ToString());
        await deputy.GetByLabel("Логин").FillAsync("deputy@demo");
        await deputy.GetByLabel("Пароль").FillAsync(JournalApp.DemoPassword);
        await deputy.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await deputy.GetByRole(AriaRole.Link, new() { Name = "Заявки на исправление" }).ClickAsync();
        await deputy.GetByRole(AriaRole.Link, new() { Name = $"№ {number}", Exact = true }).ClickAsync();
        await deputy.GetByLabel("Регистрационный номер").FillAsync($"{number}/11-у");
        await deputy.GetByRole(AriaRole.Button, new() { Name = "Одобрить и внести" }).ClickAsync();
        (await deputy.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("исправление внесено");
        await deputy.GotoAsync(new Uri(app.BaseAddress, "/s/demo/deputy").ToString());
        await deputy.GetByRole(AriaRole.Link, new() { Name = "Таблица изменений" }).ClickAsync();
        await deputy.GetByLabel("Класс").SelectOptionAsync(new SelectOptionValue { Label = "5А" });
        await deputy.GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();
        // The mark's row (a cleared absence, if the pupil had one, is a second row on the same ground).
        await Assertions.Expect(deputy.GetByRole(AriaRole.Row).Filter(new() { HasText = $"рег. № {number}/11-у" })
            .Filter(new() { HasText = "отметка" })).ToHaveCountAsync(1);

        await page.GotoAsync(journalUrl);
        (await page.GetByLabel(label, new() { Exact = true }).InputValueAsync()).ShouldBe(wanted);
    }
}
