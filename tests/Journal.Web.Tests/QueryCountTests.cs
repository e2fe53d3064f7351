using AngleSharp.Html.Parser;
using Journal.Web.Tests.Infrastructure;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>A page runs a fixed number of SQL queries whatever the class size and the number of lessons.</summary>
[Collection(nameof(RunAlone))]
public sealed class QueryCountTests(JournalApp app)
{
    [Fact]
    public async Task The_journal_page_runs_the_same_few_queries_for_any_class_and_period()
    {
        var client = await app.SignInAsync("teacher@demo");
        var home = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/s/demo/teacher"));
        var journals = home.QuerySelectorAll(".journal-list a").Select(a => a.GetAttribute("href")!).ToList();
        journals.Count.ShouldBe(2);
        var first = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(journals[0]));
        var periods = first.QuerySelectorAll("nav[aria-label='Учебный период'] a").Select(a => a.GetAttribute("href")!).ToList();
        periods.Count.ShouldBe(4);
        using var counter = new QueryCounter();
        var counts = new Dictionary<string, (int Queries, int Cells)>();

        foreach (var page in periods.Take(2).Concat(journals))
        {
            counter.Reset();
            var html = await client.GetStringAsync(page);
            counts[page] = (counter.Count, new HtmlParser().ParseDocument(html).QuerySelectorAll("input.cell").Length);
        }

        counts.Values.Select(c => c.Cells).Distinct().Count().ShouldBeGreaterThan(1, "pages of different sizes");
        counts.Values.Select(c => c.Queries).Distinct().Count().ShouldBe(1, string.Join(", ", counts.Values));
        counts.Values.First().Queries.ShouldBeInRange(8, 12); // school + member, the grid's eight, the messages badge
    }

    [Fact]
    public async Task The_period_marks_page_runs_the_same_few_queries_for_any_class_and_period()
    {
        var client = await app.SignInAsync("teacher@demo");
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var pages = new List<string>();
        foreach (var className in new[] { "5А", "5Б" })
        {
            var assignment = await PeriodMarkTests.AssignmentAsync(sql, "teacher@demo", className, "Математика");
            pages.Add($"/s/demo/teacher/journal/{assignment}/marks?period={await PeriodMarkTests.PeriodAsync(sql, 5, 1)}");
            pages.Add($"/s/demo/teacher/journal/{assignment}/marks?period={await PeriodMarkTests.PeriodAsync(sql, 5, 2)}");
        }

        using var counter = new QueryCounter();
        var counts = new Dictionary<string, (int Queries, int Rows)>();
        foreach (var page in pages)
        {
            counter.Reset();
            var html = await client.GetStringAsync(page);
            counts[page] = (counter.Count, new HtmlParser().ParseDocument(html).QuerySelectorAll("table.attestation-sheet tbody tr").Length);
        }

        counts.Values.Select(c => c.Rows).Distinct().Count().ShouldBeGreaterThan(1, "classes of different sizes");
        counts.Values.Select(c => c.Queries).Distinct().Count().ShouldBe(1, string.Join(", ", counts.Values));
        counts.Values.First().Queries.ShouldBeInRange(6, 10); // school + member + assignment, the sheet's five, the messages badge
    }

    [Fact]
    public async Task The_diary_runs_the_same_few_queries_for_weeks_and_periods_of_any_size()
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var polina = await DiaryTests.ChildAsync(sql, "parent@demo", "Полина");
        var today = Journal.Domain.Schools.SchoolClock.For(TimeProvider.System, "Asia/Yekaterinburg").Today;
        var monday = Journal.Domain.Schools.SchoolClock.WeekStart(today);
        var yearStart = await sql.ScalarAsync<DateOnly>("SELECT min(start_date) FROM study_periods");
        var secondPeriod = await sql.ScalarAsync<DateOnly>(
            "SELECT start_date FROM study_periods WHERE kind = 'Quarter' AND number = 2 ORDER BY start_date LIMIT 1");
        var weeks = new[] { monday.AddDays(-7), secondPeriod, yearStart.AddDays(-7) }
            .Select(d => $"/s/demo/parent/diary?pupil={polina}&week={Journal.Web.Diary.DiaryView.Iso(d)}").ToList();
        var maths = await sql.ScalarAsync<Guid>("SELECT id FROM subjects WHERE name = 'Алгебра'");
        var periods = await sql.ColumnAsync<Guid>(
            "SELECT id FROM study_periods WHERE kind = 'Quarter' AND start_date <= @d ORDER BY start_date", ("d", today));
        var subjects = periods.Select(p => $"/s/demo/parent/diary/subject/{maths}?pupil={polina}&period={p}").ToList();
        var client = await app.SignInAsync("parent@demo");
        using var counter = new QueryCounter();

        async Task<Dictionary<string, (int Queries, int Rows)>> CountAsync(IEnumerable<string> pages, string rows)
        {
            var counts = new Dictionary<string, (int Queries, int Rows)>();
            foreach (var page in pages)
            {
                counter.Reset();
                var html = await client.GetStringAsync(page);
                counts[page] = (counter.Count, new HtmlParser().ParseDocument(html).QuerySelectorAll(rows).Length);
            }

            return counts;
        }

        var week = await CountAsync(weeks, "tr[data-lesson]");
        var subject = await CountAsync(subjects, ".diary-subject-marks tbody tr");

        week.Values.Select(c => c.Rows).Distinct().Count().ShouldBeGreaterThan(1, "weeks with different numbers of lessons");
        week.Values.Select(c => c.Queries).Distinct().Count().ShouldBe(1, string.Join(", ", week.Values));
        week.Values.First().Queries.ShouldBeInRange(9, 13); // school + member, the navigation counters, the children, the other schools, the announcements (2), the week's five
        subject.Values.Select(c => c.Queries).Distinct().Count().ShouldBe(1, string.Join(", ", subject.Values));
        subject.Values.First().Queries.ShouldBeInRange(6, 9); // school + member, the children, the other schools, the subject's four
    }
}
