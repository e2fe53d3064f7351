using System.Text;
using Journal.Web.Data;
using Journal.Web.Diary;
using Journal.Web.Files;
using Journal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>
/// DRY-1 as a family lives it, in Chromium: the teacher saves a mark in the journal and the parent sees it in the diary
/// with the kind of work on the next page load, and downloads the lesson's homework file. Alone: the file it attaches
/// would show in the file counts other tests compare.
/// </summary>
[Collection(nameof(RunAlone))]
public sealed class DiaryBrowserTests(JournalApp app)
{
    private static readonly byte[] Pdf = Encoding.UTF8.GetBytes("%PDF-1.4\n% Дневник: № 301\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    private async Task<IPage> SignInAsync(IBrowser browser, string login, int width)
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, Locale = "ru-RU", AcceptDownloads = true });
        // The machine is shared and slow: a sign-in that has not left the form in time is tried once more.
        for (var attempt = 0; ; attempt++)
        {
            await page.GotoAsync(new Uri(app.BaseAddress, "/login").ToString());
            await page.GetByLabel("Логин").FillAsync(login);
            await page.GetByLabel("Пароль").FillAsync(JournalApp.DemoPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
            try
            {
                await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal), new() { Timeout = 45_000 });
                break;
            }
            catch (TimeoutException) when (attempt == 0)
            {
            }
        }

        return page;
    }

    [Fact]
    public async Task A_mark_the_teacher_saves_in_the_journal_is_in_the_parents_diary_with_its_kind_and_the_homework_file_downloads()
    {
        var demo = await app.SchoolIdAsync("demo");
        await using var sql = await Sql.OpenAsync(app, demo);
        var artyom = await DiaryTests.ChildAsync(sql, "parent@demo", "Артём"); // in 5А
        var (playwright, browser) = await BrowserTests.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        // The teacher types a mark for Артём in the latest lesson still open in 5А maths.
        var teacher = await SignInAsync(browser, "teacher@demo", 1280);
        await teacher.GetByRole(AriaRole.Link, new() { Name = "5А — Математика", Exact = true }).ClickAsync();
        await teacher.WaitForSelectorAsync("table#journal");
        var column = await teacher.EvalOnSelectorAllAsync<string>(
            "input.cell:not([readonly])", "cells => cells[cells.length - 1].dataset.col");
        var cell = teacher.Locator($"tr[data-pupil='{artyom}'] input.cell[data-col='{column}']");
        var lesson = Guid.Parse(await cell.EvaluateAsync<string>(
            "el => document.querySelectorAll('thead th.work-col')[el.dataset.col].dataset.lesson"));
        var value = await cell.InputValueAsync() == "5" ? "4" : "5";
        await cell.FocusAsync();
        await teacher.Keyboard.TypeAsync(value);
        await teacher.Keyboard.PressAsync("Enter");
        await Assertions.Expect(cell).ToHaveAttributeAsync("data-state", "saved", new() { Timeout = 10_000 });
        var kind = await sql.ScalarAsync<string>(
            """
            SELECT k.name FROM marks m JOIN works w ON w.id = m.work_id JOIN work_kinds k ON k.id = w.kind_id
            WHERE m.pupil_id = @p AND w.lesson_id = @l AND m.value = @v
            """,
            ("p", artyom), ("l", lesson), ("v", value));
        kind.ShouldNotBeNullOrEmpty();
        var date = await sql.ScalarAsync<DateOnly>("SELECT date FROM lessons WHERE id = @l", ("l", lesson));

        // A homework file on that lesson (attached directly: the upload itself is HomeworkFileTests' business).
        Guid fileId;
        await using (var scope = app.SchoolScope(demo))
        {
            var db = scope.ServiceProvider.GetRequiredService<JournalDbContext>();
            var author = await sql.ScalarAsync<Guid>(
                "SELECT a.teacher_id FROM lessons l JOIN teaching_assignments a ON a.id = l.assignment_id WHERE l.id = @l", ("l", lesson));
            var file = scope.ServiceProvider.GetRequiredService<FileStore>()
                .Add(new AcceptedFile("Дневник — задание.pdf", "application/pdf", Pdf), author);
            db.HomeworkFiles.Add(new Journal.Domain.Files.HomeworkFile { LessonId = lesson, FileId = file.Id });
            await db.SaveChangesAsync();
            fileId = file.Id;
        }

        try
        {
            // The parent opens the diary from the home page, the child, the week of the lesson.
            var parent = await SignInAsync(browser, "parent@demo", 390);
            await parent.GotoAsync(new Uri(app.BaseAddress, "/s/demo/parent").ToString());
            await parent.Locator($"a[href='/s/demo/parent/diary?pupil={artyom}']").ClickAsync();
            await parent.WaitForSelectorAsync(".diary-week");
            await parent.GotoAsync(new Uri(app.BaseAddress, $"/s/demo/parent/diary?pupil={artyom}&week={DiaryView.Iso(date)}").ToString());

            var day = parent.GetByRole(AriaRole.Region, new() { Name = DiaryView.Day(date) });
            var row = day.Locator($"tr[data-lesson='{lesson}']");
            var mark = row.Locator($"li.diary-mark[data-value='{value}']").Filter(new() { HasText = kind });
            await Assertions.Expect(mark).ToHaveCountAsync(1);
            (await mark.InnerTextAsync()).ShouldContain("вес");
            (await row.InnerTextAsync()).ShouldContain("Математика");

            var link = row.GetByRole(AriaRole.Link, new() { Name = "Дневник — задание.pdf" }).First;
            var download = await parent.RunAndWaitForDownloadAsync(() => link.ClickAsync());
            download.SuggestedFilename.ShouldBe("Дневник — задание.pdf");
            (await File.ReadAllBytesAsync((await download.PathAsync())!)).ShouldBe(Pdf);
        }
        finally
        {
            await using var scope = app.SchoolScope(demo);
            var db = scope.ServiceProvider.GetRequiredService<JournalDbContext>();
            await db.HomeworkFiles.Where(h => h.FileId == fileId).ExecuteDeleteAsync();
            await db.FileContents.Where(c => c.FileId == fileId).ExecuteDeleteAsync();
            await db.StoredFiles.Where(f => f.Id == fileId).ExecuteDeleteAsync();
        }
    }
}
