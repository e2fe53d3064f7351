using Journal.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>GRD-2, GRD-4 in a real Chromium: the proposal a teacher sees, and setting a mark apart from it.</summary>
[Collection(nameof(AtPeriodEnd))]
public sealed class PeriodMarkBrowserTests(JournalAtPeriodEnd app)
{
    [Fact]
    public async Task GRD2_an_average_of_exactly_3_50_is_proposed_as_4_and_3_49_as_3()
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var assignment = await PeriodMarkTests.AssignmentAsync(sql, "teacher12@demo", "9А", "Физика");
        var q2 = await PeriodMarkTests.PeriodAsync(sql, 9, 2);
        var pupils = await sql.ColumnAsync<string>(
            """
            SELECT p.id || '|' || p.last_name || ' ' || p.first_name FROM enrolments e JOIN pupils p ON p.id = e.pupil_id
            JOIN classes c ON c.id = e.class_id WHERE c.grade = 9 AND c.letter = 'А' AND e.to_date IS NULL
            ORDER BY p.last_name, p.first_name OFFSET 5 LIMIT 2
            """);
        var (exact, below) = (Split(pupils[0]), Split(pupils[1]));
        // 4, 4, 3, 3 of weight 1: exactly 3.50. 4 ×0.49, 3 ×0.26, 3 ×0.25: exactly 3.49.
        await ReplaceMarksAsync(sql, assignment, q2, exact.Id, [("4", 1m), ("4", 1m), ("3", 1m), ("3", 1m)]);
        await ReplaceMarksAsync(sql, assignment, q2, below.Id, [("4", 0.49m), ("3", 0.26m), ("3", 0.25m)]);

        var (playwright, browser) = await BrowserTests.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ru-RU" });
        await page.GotoAsync(new Uri(app.BaseAddress, "/login").ToString());
        await page.GetByLabel("Логин").FillAsync("teacher12@demo");
        await page.GetByLabel("Пароль").FillAsync(JournalApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await page.WaitForURLAsync("**/s/demo/**");
        await page.GotoAsync(new Uri(app.BaseAddress, $"/s/demo/teacher/journal/{assignment}?period={q2}").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Отметки за период и год" }).ClickAsync();

        var exactRow = page.Locator($"tr[data-pupil='{exact.Id}']");
        var belowRow = page.Locator($"tr[data-pupil='{below.Id}']");
        (await exactRow.Locator("td").Nth(2).InnerTextAsync()).ShouldBe("3,50");
        (await exactRow.Locator("td.proposal strong").InnerTextAsync()).ShouldBe("4");
        (await belowRow.Locator("td").Nth(2).InnerTextAsync()).ShouldBe("3,49");
        (await belowRow.Locator("td.proposal strong").InnerTextAsync()).ShouldBe("3");

        // GRD-4: a «3» where «4» is proposed needs a comment; with it, the mark is set.
        var mark = page.GetByLabel($"{exact.Name}, 2-я четверть", new() { Exact = true });
        await mark.SelectOptionAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        (await exactRow.Locator(".invalid-feedback").InnerTextAsync())
            .ShouldBe("Отметка «3» отличается от предложенной «4»: напишите комментарий, почему.");
        (await page.GetByLabel($"{exact.Name}, 2-я четверть", new() { Exact = true }).InputValueAsync()).ShouldBe("3");
        await page.GetByLabel($"{exact.Name}, 2-я четверть, комментарий").FillAsync("Не сдал зачёт по теме «Работа и мощность»");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();

        (await page.Locator(".alert-success").InnerTextAsync()).ShouldBe("Сохранено отметок: 1.");
        (await page.GetByLabel($"{exact.Name}, 2-я четверть", new() { Exact = true }).InputValueAsync()).ShouldBe("3");
        Directory.CreateDirectory(BrowserTests.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.Screenshots, "period-marks.png"), FullPage = true });
    }

    private static (Guid Id, string Name) Split(string row) => (Guid.Parse(row[..36]), row[37..]);

    /// <summary>The pupil's marks of the period in this journal become exactly these, each in its own work.</summary>
    private static async Task ReplaceMarksAsync(Sql sql, Guid assignment, Guid period, Guid pupil, (string Value, decimal Weight)[] marks)
    {
        await sql.ScalarAsync<int>(
            """
            DELETE FROM marks m USING works w, lessons l, study_periods p
            WHERE m.work_id = w.id AND w.lesson_id = l.id AND l.assignment_id = @a AND p.id = @q
              AND l.date BETWEEN p.start_date AND p.end_date AND m.pupil_id = @p
            """,
            ("a", assignment), ("q", period), ("p", pupil));
        foreach (var (value, weight) in marks)
        {
            await sql.ScalarAsync<int>(
                """
                WITH lesson AS (
                    SELECT l.school_id, l.id FROM lessons l JOIN study_periods p ON p.id = @q
                    WHERE l.assignment_id = @a AND l.date BETWEEN p.start_date AND p.end_date AND l.date <= DATE '2026-12-22'
                    ORDER BY l.date LIMIT 1),
                work AS (
                    INSERT INTO works (school_id, id, lesson_id, kind_id, weight)
                    SELECT lesson.school_id, gen_random_uuid(), lesson.id, (SELECT id FROM work_kinds ORDER BY sort_order LIMIT 1), @w
                    FROM lesson RETURNING school_id, id)
                INSERT INTO marks (school_id, id, work_id, pupil_id, value, author_id, entered_at)
                SELECT work.school_id, gen_random_uuid(), work.id, @p, @v, (SELECT teacher_id FROM teaching_assignments WHERE id = @a), now()
                FROM work
                """,
                ("a", assignment), ("q", period), ("p", pupil), ("v", value), ("w", weight));
        }
    }
}
