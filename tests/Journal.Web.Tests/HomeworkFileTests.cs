using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Parser;
using Journal.Domain.Files;
using Journal.Domain.Lessons;
using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Files;
using Journal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>JRN-7: files attached to a lesson's homework, downloaded by those who may see the lesson, and nobody else.</summary>
public sealed class HomeworkFileTests(JournalApp app)
{
    private static readonly byte[] Pdf = Encoding.UTF8.GetBytes("%PDF-1.4\n% Задание: № 1201, 1203\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    private static DateOnly Today => SchoolClock.For(TimeProvider.System, "Asia/Yekaterinburg").Today;

    /// <summary>A lesson of a teacher's assignment: the n-th one ahead of today, or the n-th of the year when <paramref name="ahead"/> is false.</summary>
    private async Task<Guid> LessonAsync(string teacher, string className, string subject, int n, bool ahead = true, string? group = null)
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var lesson = await sql.ScalarAsync<Guid>(
            """
            SELECT l.id FROM lessons l JOIN teaching_assignments a ON a.id = l.assignment_id
            JOIN classes c ON c.id = a.class_id JOIN subjects s ON s.id = a.subject_id
            JOIN memberships m ON m.id = a.teacher_id JOIN users u ON u.id = m.user_id
            LEFT JOIN subgroups g ON g.id = a.subgroup_id
            WHERE u.user_name = @t AND c.grade || c.letter = @c AND s.name = @s AND coalesce(g.name, '') = @g
              AND (l.date > @today OR NOT @ahead)
            ORDER BY l.date, l.lesson_number OFFSET @n LIMIT 1
            """,
            ("t", teacher), ("c", className), ("s", subject), ("g", group ?? ""), ("today", Today), ("ahead", ahead), ("n", n));
        lesson.ShouldNotBe(Guid.Empty);
        return lesson;
    }

    private static string LessonUrl(Guid lesson) => $"/s/demo/teacher/journal/lesson/{lesson}";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid lesson, params (string Name, byte[] Bytes)[] files)
    {
        var token = await JournalApp.AntiforgeryTokenAsync(client, LessonUrl(lesson));
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "Files", name);
        }

        return await client.PostAsync($"{LessonUrl(lesson)}/files", form);
    }

    /// <summary>
    /// Rows of the three file tables in the demo school: «stored|contents|links», leaving out correction
    /// documents, which CorrectionTests store while these tests run.
    /// </summary>
    private async Task<string> CountsAsync()
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        return await sql.ScalarAsync<string>(
            """
            SELECT (SELECT count(*) FROM stored_files f
                    WHERE NOT EXISTS (SELECT 1 FROM correction_requests r WHERE r.document_file_id = f.id))
                   || '|' || (SELECT count(*) FROM file_contents c
                    WHERE NOT EXISTS (SELECT 1 FROM correction_requests r WHERE r.document_file_id = c.file_id))
                   || '|' || (SELECT count(*) FROM homework_files)
            """);
    }

    private async Task<List<(Guid Id, string Name)>> AttachedAsync(Guid lesson)
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var ids = await sql.ColumnAsync<Guid>(
            "SELECT f.id FROM homework_files h JOIN stored_files f ON f.id = h.file_id WHERE h.lesson_id = @l ORDER BY f.uploaded_at, f.id",
            ("l", lesson));
        var names = await sql.ColumnAsync<string>(
            "SELECT f.file_name FROM homework_files h JOIN stored_files f ON f.id = h.file_id WHERE h.lesson_id = @l ORDER BY f.uploaded_at, f.id",
            ("l", lesson));
        return ids.Zip(names).ToList();
    }

    private async Task<Guid> UploadOneAsync(string teacher, Guid lesson, string name, byte[] bytes)
    {
        var client = await app.SignInAsync(teacher);
        var response = await UploadAsync(client, lesson, (name, bytes));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return (await AttachedAsync(lesson)).Single(f => f.Name == name).Id;
    }

    private static async Task<string> ProblemsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return string.Join("\n", page.QuerySelectorAll("#homework-files [role=alert] li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task Teacher_attaches_a_file_and_teacher_pupil_parent_and_class_teacher_download_the_same_bytes()
    {
        var lesson = await LessonAsync("teacher@demo", "5А", "Математика", 0);
        var teacher = await app.SignInAsync("teacher@demo");

        var response = await UploadAsync(teacher, lesson, ("Задание № 5 (дроби).pdf", Pdf));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"{LessonUrl(lesson)}#homework-files");
        var page = await new HtmlParser().ParseDocumentAsync(await teacher.GetStringAsync(LessonUrl(lesson)));
        var row = page.QuerySelectorAll("#homework-files .homework-files li").ShouldHaveSingleItem();
        row.TextContent.ShouldContain("1 КБ");
        var link = row.QuerySelectorAll("a").Single(a => a.TextContent == "Задание № 5 (дроби).pdf").GetAttribute("href")!;
        var file = (await AttachedAsync(lesson)).ShouldHaveSingleItem();
        link.ShouldBe($"/s/demo/files/{file.Id}");
        await using (var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo")))
        {
            (await sql.ScalarAsync<string>("SELECT sha256 || '|' || length || '|' || content_type FROM stored_files WHERE id = @f", ("f", file.Id)))
                .ShouldBe($"{Convert.ToHexStringLower(SHA256.HashData(Pdf))}|{Pdf.Length}|application/pdf");
        }

        foreach (var login in new[] { "teacher@demo", "student@demo", "parent@demo", "classteacher@demo", "deputy@demo", "admin@demo" })
        {
            var client = await app.SignInAsync(login);
            var download = await client.GetAsync(link);

            download.StatusCode.ShouldBe(HttpStatusCode.OK, login);
            (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf, login);
            download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            var disposition = download.Content.Headers.ContentDisposition!;
            disposition.DispositionType.ShouldBe("attachment");
            disposition.FileNameStar.ShouldBe("Задание № 5 (дроби).pdf");
            download.Content.Headers.GetValues("Content-Disposition").Single()
                .ShouldContain("filename*=UTF-8''%D0%97%D0%B0%D0%B4%D0%B0%D0%BD%D0%B8%D0%B5%20%E2%84%96%205%20%28%D0%B4%D1%80%D0%BE%D0%B1%D0%B8%29.pdf");
            download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
            download.Headers.CacheControl!.Private.ShouldBeTrue();
            download.Headers.CacheControl.NoStore.ShouldBeTrue();
        }
    }

    [Fact]
    public async Task Another_class_another_childs_parent_another_teacher_and_another_school_get_404()
    {
        // 5Б: not student@demo's class, none of parent@demo's children (5А, 9А); 5Б's class teacher is teacher9@demo.
        var lesson = await LessonAsync("teacher@demo", "5Б", "Математика", 0);
        var file = await UploadOneAsync("teacher@demo", lesson, "Карточка 5Б.pdf", Pdf);

        foreach (var login in new[] { "student@demo", "parent@demo", "classteacher@demo", "teacher7@demo", "teacher@demo2", "student@demo2", "parent@demo2", "admin@demo2" })
        {
            var client = await app.SignInAsync(login);
            var response = await client.GetAsync($"/s/demo/files/{file}");
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, login);
            (await response.Content.ReadAsByteArrayAsync()).ShouldNotBe(Pdf, login);
        }

        (await (await app.SignInAsync("teacher9@demo")).GetAsync($"/s/demo/files/{file}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // demo2's admin asking in its own school does not find demo's file either.
        (await (await app.SignInAsync("admin@demo2")).GetAsync($"/s/demo2/files/{file}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var anonymous = await app.Anonymous().GetAsync($"/s/demo/files/{file}");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.PathAndQueryOrOriginal().ShouldStartWith("/login");
    }

    [Fact]
    public async Task A_groups_file_is_not_for_the_pupils_of_the_other_group()
    {
        // English in 5А is taught in two groups; student@demo is in «2 группа».
        var firstGroup = await LessonAsync("teacher7@demo", "5А", "Английский язык", 0, group: "1 группа");
        var secondGroup = await LessonAsync("teacher8@demo", "5А", "Английский язык", 0, group: "2 группа");
        var first = await UploadOneAsync("teacher7@demo", firstGroup, "Vocabulary 1.pdf", Pdf);
        var second = await UploadOneAsync("teacher8@demo", secondGroup, "Vocabulary 2.pdf", Pdf);
        var student = await app.SignInAsync("student@demo");
        var parent = await app.SignInAsync("parent@demo");

        (await student.GetAsync($"/s/demo/files/{first}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await parent.GetAsync($"/s/demo/files/{first}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await student.GetAsync($"/s/demo/files/{second}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await parent.GetAsync($"/s/demo/files/{second}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await app.SignInAsync("teacher8@demo")).GetAsync($"/s/demo/files/{first}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_pupil_sees_the_files_of_the_class_they_were_in_on_the_lesson_date()
    {
        var demo = await app.SchoolIdAsync("demo");
        await using var sql = await Sql.OpenAsync(app, demo);
        // The demo moves one pupil from 5А to 5Б during the year (the transfer of DemoSchools).
        var pupil = await sql.ScalarAsync<Guid>(
            """
            SELECT e.pupil_id FROM enrolments e JOIN classes c ON c.id = e.class_id
            WHERE c.grade = 5 AND c.letter = 'А' AND e.to_date IS NOT NULL LIMIT 1
            """);
        var left = await sql.ScalarAsync<DateOnly>("SELECT to_date FROM enrolments WHERE pupil_id = @p AND to_date IS NOT NULL", ("p", pupil));
        var login = $"moved-{Guid.NewGuid():N}";
        Guid before, after, inNewClass;
        await using (var scope = app.SchoolScope(demo))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = login, DisplayName = "Тест" };
            (await users.CreateAsync(user, JournalApp.DemoPassword)).Succeeded.ShouldBeTrue();
            var db = scope.ServiceProvider.GetRequiredService<JournalDbContext>();
            var membership = new Membership
            {
                UserId = user.Id,
                LastName = "Тестов",
                FirstName = "Тест",
                Roles = [new MembershipRole { Role = SchoolRole.Student }],
            };
            db.Memberships.Add(membership);
            (await db.Pupils.SingleAsync(p => p.Id == pupil)).MembershipId = membership.Id;
            await db.SaveChangesAsync();

            // Attached directly: the lesson before the move is locked for the teacher by now.
            async Task<Guid> AttachAsync(string className, bool beforeTheMove)
            {
                var lessons = await (from l in db.Lessons
                                     join a in db.TeachingAssignments on l.AssignmentId equals a.Id
                                     join c in db.Classes on a.ClassId equals c.Id
                                     join s in db.Subjects on a.SubjectId equals s.Id
                                     where c.Grade == 5 && c.Letter == className && s.Name == "Математика"
                                     select new { l.Id, l.Date }).ToListAsync();
                var lesson = beforeTheMove
                    ? lessons.Where(l => l.Date <= left).MaxBy(l => l.Date)!.Id
                    : lessons.Where(l => l.Date > left).MinBy(l => l.Date)!.Id;
                var store = scope.ServiceProvider.GetRequiredService<FileStore>();
                var file = store.Add(new AcceptedFile("Перенос.pdf", "application/pdf", Pdf), membership.Id);
                db.HomeworkFiles.Add(new HomeworkFile { LessonId = lesson, FileId = file.Id });
                await db.SaveChangesAsync();
                return file.Id;
            }

            before = await AttachAsync("А", beforeTheMove: true);
            after = await AttachAsync("А", beforeTheMove: false);
            inNewClass = await AttachAsync("Б", beforeTheMove: false);
        }

        var client = await app.SignInAsync(login);

        (await client.GetAsync($"/s/demo/files/{before}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/s/demo/files/{after}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/s/demo/files/{inNewClass}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_substitute_teacher_attaches_and_downloads_the_lessons_files()
    {
        var lesson = await LessonAsync("teacher@demo", "5А", "Математика", 7);
        await using (var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo")))
        {
            await using var command = new Npgsql.NpgsqlCommand(
                """
                UPDATE lessons SET substitute_teacher_id =
                    (SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.user_name = 'teacher5@demo')
                WHERE id = @l
                """, sql.Connection);
            command.Parameters.AddWithValue("l", lesson);
            (await command.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var file = await UploadOneAsync("teacher5@demo", lesson, "Замена.pdf", Pdf);

        (await (await app.SignInAsync("teacher5@demo")).GetAsync($"/s/demo/files/{file}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await app.SignInAsync("teacher@demo")).GetAsync($"/s/demo/files/{file}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_50_MB_upload_gets_a_russian_message_and_nothing_is_stored()
    {
        var lesson = await LessonAsync("teacher@demo", "5А", "Математика", 1);
        var client = await app.SignInAsync("teacher@demo");
        var before = await CountsAsync();
        var big = new byte[50 * 1024 * 1024];
        Pdf.CopyTo(big, 0);

        var response = await UploadAsync(client, lesson, ("Учебник.pdf", big));

        (await ProblemsAsync(response)).ShouldBe(
            "«Учебник.pdf»: 50 МБ — больше допустимых 10 МБ. Уменьшите файл или разделите его на части.");
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_request_over_the_request_limit_gets_a_russian_page_and_nothing_is_stored()
    {
        var lesson = await LessonAsync("teacher@demo", "5А", "Математика", 1);
        var client = await app.SignInAsync("teacher@demo");
        var before = await CountsAsync();

        // Asks before sending, as curl does: HttpClient can't read an answer that comes while it is still
        // sending. The browser's case (it reads the early answer) is in HomeworkFileBrowserTests.
        var token = await JournalApp.AntiforgeryTokenAsync(client, LessonUrl(lesson));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(new byte[70 * 1024 * 1024]), "Files", "Видео.pdf" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{LessonUrl(lesson)}/files") { Content = form };
        request.Headers.ExpectContinue = true;
        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).ShouldContain("За один раз можно отправить не больше 64 МБ, каждый файл — не больше 10 МБ");
        (await CountsAsync()).ShouldBe(before);
    }

    public static TheoryData<string, byte[], string> ForbiddenFiles() => new()
    {
        { "program.exe", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0], "«program.exe»: такие файлы не принимаются." },
        { "page.html", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "«page.html»: такие файлы не принимаются." },
        { "drawing.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "«drawing.svg»: такие файлы не принимаются." },
        { "homework.pdf", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0], "«homework.pdf»: содержимое файла не PDF." },
        { "photo.jpg", Encoding.UTF8.GetBytes("<html>not a photo</html>"), "«photo.jpg»: содержимое файла не JPEG." },
        { "essay.docx", Zip("readme.txt"), "«essay.docx»: содержимое файла не Word." },
        { "empty.pdf", [], "«empty.pdf»: файл пустой." },
    };

    [Theory]
    [MemberData(nameof(ForbiddenFiles))]
    public async Task A_forbidden_or_disguised_file_is_refused_and_nothing_is_stored(string name, byte[] bytes, string message)
    {
        var lesson = await LessonAsync("teacher@demo", "5А", "Математика", 2);
        var client = await app.SignInAsync("teacher@demo");
        var before = await CountsAsync();

        // With a good file alongside: one bad file refuses the whole upload.
        var response = await UploadAsync(client, lesson, ("Хороший.pdf", Pdf), (name, bytes));

        (await ProblemsAsync(response)).ShouldStartWith(message);
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Real_office_documents_and_pictures_are_accepted()
    {
        var lesson = await LessonAsync("teacher@demo", "5А", "Математика", 3);
        var client = await app.SignInAsync("teacher@demo");

        var response = await UploadAsync(
            client, lesson,
            ("Таблица.xlsx", Zip("[Content_Types].xml", "xl/workbook.xml")),
            ("Доклад.odt", OpenDocument("application/vnd.oasis.opendocument.text")),
            ("Схема.png", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]),
            ("Правила.txt", Encoding.UTF8.GetBytes("Правила записи дробей\r\n1. …\r\n")));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        (await sql.ColumnAsync<string>(
                "SELECT f.content_type FROM homework_files h JOIN stored_files f ON f.id = h.file_id WHERE h.lesson_id = @l ORDER BY f.file_name",
                ("l", lesson)))
            .ShouldBe([
                "application/vnd.oasis.opendocument.text", "text/plain", "image/png",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ]);
    }

    [Fact]
    public async Task More_than_five_files_are_refused_and_nothing_more_is_stored()
    {
        var lesson = await LessonAsync("teacher@demo", "5А", "Математика", 4);
        var client = await app.SignInAsync("teacher@demo");
        (await UploadAsync(client, lesson, ("1.pdf", Pdf), ("2.pdf", Pdf), ("3.pdf", Pdf))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var before = await CountsAsync();

        var three = await UploadAsync(client, lesson, ("4.pdf", Pdf), ("5.pdf", Pdf), ("6.pdf", Pdf));
        (await ProblemsAsync(three)).ShouldBe("К заданию можно приложить не больше 5 файлов: уже приложено 3, выбрано ещё 3.");
        var six = await UploadAsync(client, lesson, Enumerable.Range(1, 6).Select(i => ($"{i}.pdf", Pdf)).ToArray());
        (await ProblemsAsync(six)).ShouldBe("За один раз можно отправить не больше 5 файлов, отправлено 6.");

        (await CountsAsync()).ShouldBe(before);
        (await UploadAsync(client, lesson, ("4.pdf", Pdf), ("5.pdf", Pdf))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var full = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(LessonUrl(lesson)));
        full.QuerySelectorAll("#homework-files .homework-files li").Length.ShouldBe(5);
        full.QuerySelector("#homework-file").ShouldBeNull();
        full.QuerySelector("#homework-files")!.TextContent.ShouldContain("Приложено 5 из 5 файлов");
    }

    [Fact]
    public async Task A_locked_lesson_takes_no_files_and_shows_no_upload_form()
    {
        var lesson = await LessonAsync("teacher@demo", "5А", "Математика", 1, ahead: false);
        Guid attached;
        await using (var scope = app.SchoolScope(await app.SchoolIdAsync("demo")))
        {
            // Attached while the lesson was open.
            var db = scope.ServiceProvider.GetRequiredService<JournalDbContext>();
            var teacher = await db.Memberships.Where(m => db.Users.Any(u => u.Id == m.UserId && u.UserName == "teacher@demo"))
                .Select(m => m.Id).SingleAsync();
            var file = scope.ServiceProvider.GetRequiredService<FileStore>().Add(new AcceptedFile("Вовремя.pdf", "application/pdf", Pdf), teacher);
            db.HomeworkFiles.Add(new HomeworkFile { LessonId = lesson, FileId = file.Id });
            await db.SaveChangesAsync();
            attached = file.Id;
        }

        var client = await app.SignInAsync("teacher@demo");
        var before = await CountsAsync();

        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(LessonUrl(lesson)));
        var upload = await UploadAsync(client, lesson, ("Поздно.pdf", Pdf));
        var delete = await client.PostAsync($"{LessonUrl(lesson)}/files/{attached}/delete", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = await JournalApp.AntiforgeryTokenAsync(client, LessonUrl(lesson)) }));

        page.QuerySelector("#homework-file").ShouldBeNull();
        page.QuerySelectorAll("#homework-files .homework-files li").ShouldHaveSingleItem().TextContent.ShouldContain("Вовремя.pdf");
        page.QuerySelectorAll("#homework-files button").ShouldBeEmpty();
        (await ProblemsAsync(upload)).ShouldContain("журнал закрыт");
        (await ProblemsAsync(delete)).ShouldContain("журнал закрыт");
        (await CountsAsync()).ShouldBe(before);
        (await client.GetAsync($"/s/demo/files/{attached}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_grade_1_lesson_has_no_homework_files()
    {
        var lesson = await LessonAsync("teacher3@demo", "1А", "Математика", 0);
        var client = await app.SignInAsync("teacher3@demo");
        var before = await CountsAsync();

        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(LessonUrl(lesson)));
        var token = await JournalApp.AntiforgeryTokenAsync(client, LessonUrl(lesson));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Pdf), "Files", "Прописи.pdf" },
        };
        var response = await client.PostAsync($"{LessonUrl(lesson)}/files", form);

        page.QuerySelector("#homework-files").ShouldBeNull();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("В 1 классе домашние задания не задаются: файлы к ним не прикладываются.");
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_lesson_marked_without_homework_takes_no_files()
    {
        var lesson = await LessonAsync("teacher@demo", "5А", "Математика", 9);
        await using (var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo")))
        {
            await using var command = new Npgsql.NpgsqlCommand("UPDATE lessons SET no_homework = true, homework = NULL WHERE id = @l", sql.Connection);
            command.Parameters.AddWithValue("l", lesson);
            (await command.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var client = await app.SignInAsync("teacher@demo");
        var before = await CountsAsync();

        var response = await UploadAsync(client, lesson, ("Лишнее.pdf", Pdf));

        (await ProblemsAsync(response)).ShouldBe("Урок отмечен «без задания». Чтобы приложить файлы, снимите отметку и сохраните урок.");
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Delete_removes_the_link_the_file_and_its_bytes()
    {
        var lesson = await LessonAsync("teacher@demo", "5А", "Математика", 5);
        var before = await CountsAsync();
        var file = await UploadOneAsync("teacher@demo", lesson, "Черновик.pdf", Pdf);
        var client = await app.SignInAsync("teacher@demo");
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(LessonUrl(lesson)));
        var delete = page.QuerySelectorAll("#homework-files button").Single(b => b.GetAttribute("aria-label") == "Удалить файл «Черновик.pdf»");
        var action = delete.Closest("form")!.GetAttribute("action")!;
        action.ShouldBe($"{LessonUrl(lesson)}/files/{file}/delete");

        var response = await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await JournalApp.AntiforgeryTokenAsync(client, LessonUrl(lesson)),
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CountsAsync()).ShouldBe(before);
        (await client.GetAsync($"/s/demo/files/{file}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(LessonUrl(lesson))))
            .QuerySelector("#homework-files")!.TextContent.ShouldContain("Файлов нет.");
    }

    [Fact]
    public async Task Only_the_lessons_teacher_attaches_or_deletes()
    {
        var lesson = await LessonAsync("teacher@demo", "5А", "Математика", 6);
        var file = await UploadOneAsync("teacher@demo", lesson, "Моё.pdf", Pdf);
        var before = await CountsAsync();

        async Task<HttpResponseMessage> PostAsync(HttpClient client, string tokenPage, string path, HttpContent? extra = null)
        {
            var token = await JournalApp.AntiforgeryTokenAsync(client, tokenPage);
            using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
            if (extra is not null)
            {
                form.Add(extra, "Files", "Чужое.pdf");
            }

            return await client.PostAsync(path, form);
        }

        foreach (var (login, home) in new[] { ("classteacher@demo", "/s/demo/teacher"), ("teacher@demo2", "/s/demo2/teacher") })
        {
            var client = await app.SignInAsync(login);
            (await PostAsync(client, home, $"{LessonUrl(lesson)}/files", new ByteArrayContent(Pdf))).StatusCode.ShouldBe(HttpStatusCode.NotFound, login);
            (await PostAsync(client, home, $"{LessonUrl(lesson)}/files/{file}/delete")).StatusCode.ShouldBe(HttpStatusCode.NotFound, login);
        }

        var student = await app.SignInAsync("student@demo");
        var forbidden = await PostAsync(student, "/s/demo/student", $"{LessonUrl(lesson)}/files", new ByteArrayContent(Pdf));
        forbidden.Headers.Location!.PathAndQueryOrOriginal().ShouldStartWith("/forbidden");
        var anonymous = await app.Anonymous().PostAsync($"{LessonUrl(lesson)}/files", new ByteArrayContent(Pdf));
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.PathAndQueryOrOriginal().ShouldStartWith("/login");

        // The teacher's own delete of a file of another lesson is not found either.
        var other = await LessonAsync("teacher@demo", "5А", "Математика", 8);
        var teacher = await app.SignInAsync("teacher@demo");
        (await PostAsync(teacher, LessonUrl(other), $"{LessonUrl(other)}/files/{file}/delete")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_correction_requests_document_is_for_the_requester_the_deputy_and_the_admin()
    {
        var demo = await app.SchoolIdAsync("demo");
        var lesson = await LessonAsync("teacher@demo", "5А", "Математика", 0, ahead: false);
        Guid file;
        await using (var scope = app.SchoolScope(demo))
        {
            var db = scope.ServiceProvider.GetRequiredService<JournalDbContext>();
            var teacher = await db.Memberships.Where(m => db.Users.Any(u => u.Id == m.UserId && u.UserName == "teacher@demo"))
                .Select(m => m.Id).SingleAsync();
            var pupil = await db.Pupils.Select(p => p.Id).FirstAsync();
            var stored = scope.ServiceProvider.GetRequiredService<FileStore>()
                .Add(new AcceptedFile("Справка.pdf", "application/pdf", Pdf), teacher);
            db.CorrectionRequests.Add(new CorrectionRequest
            {
                Number = 9001,
                LessonId = lesson,
                PupilId = pupil,
                Target = ChangeTarget.Absence,
                Reason = CorrectionReason.PupilIllness,
                Explanation = "Справка о болезни",
                DocumentFileId = stored.Id,
                RequestedById = teacher,
                RequestedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            file = stored.Id;
        }

        foreach (var (login, status) in new[]
                 {
                     ("teacher@demo", HttpStatusCode.OK), ("deputy@demo", HttpStatusCode.OK), ("admin@demo", HttpStatusCode.OK),
                     ("classteacher@demo", HttpStatusCode.NotFound), ("student@demo", HttpStatusCode.NotFound),
                     ("parent@demo", HttpStatusCode.NotFound), ("deputy@demo2", HttpStatusCode.NotFound),
                 })
        {
            var response = await (await app.SignInAsync(login)).GetAsync($"/s/demo/files/{file}");
            response.StatusCode.ShouldBe(status, login);
        }
    }

    [Fact]
    public async Task In_the_browser_a_teacher_uploads_downloads_and_deletes_and_a_too_large_file_is_explained()
    {
        var lesson = await LessonAsync("teacher@demo", "5Б", "Математика", 3);
        var folder = Directory.CreateTempSubdirectory("journal-files-");
        var (playwright, browser) = await BrowserTests.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        try
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ru-RU", AcceptDownloads = true });
            await page.GotoAsync(new Uri(app.BaseAddress, "/login").ToString());
            await page.GetByLabel("Логин").FillAsync("teacher@demo");
            await page.GetByLabel("Пароль").FillAsync(JournalApp.DemoPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
            await page.WaitForURLAsync("**/s/demo/teacher");
            await page.GotoAsync(new Uri(app.BaseAddress, LessonUrl(lesson)).ToString());
            var before = await CountsAsync();

            await page.GetByLabel("Приложить файлы").SetInputFilesAsync(
                new FilePayload { Name = "Контурная карта.pdf", MimeType = "application/pdf", Buffer = Pdf });
            await page.GetByRole(AriaRole.Button, new() { Name = "Загрузить" }).ClickAsync();
            var link = page.GetByRole(AriaRole.Link, new() { Name = "Контурная карта.pdf" });
            await Assertions.Expect(link).ToBeVisibleAsync();
            Directory.CreateDirectory(BrowserTests.Screenshots);
            await page.Locator("#homework-files").ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.Screenshots, "lesson-homework-files.png"), FullPage = true });

            var withTheFile = await CountsAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
            download.SuggestedFilename.ShouldBe("Контурная карта.pdf");
            (await File.ReadAllBytesAsync((await download.PathAsync())!)).ShouldBe(Pdf);

            // 50 MB: read to the end and refused on the lesson page; 70 MB: over the request limit, a Russian page.
            foreach (var (name, size, message) in new[]
                     {
                         ("Учебник.pdf", 50, "«Учебник.pdf»: 50 МБ — больше допустимых 10 МБ."),
                         ("Фильм.pdf", 70, "Файлы слишком большие"),
                     })
            {
                var path = Path.Combine(folder.FullName, name);
                await using (var file = File.Create(path))
                {
                    await file.WriteAsync(Pdf);
                    file.SetLength(size * 1024L * 1024L);
                }

                await page.GotoAsync(new Uri(app.BaseAddress, LessonUrl(lesson)).ToString());
                await page.GetByLabel("Приложить файлы").SetInputFilesAsync(path);
                await page.GetByRole(AriaRole.Button, new() { Name = "Загрузить" }).ClickAsync();
                await Assertions.Expect(page.GetByText(message)).ToBeVisibleAsync();
                if (size == 50)
                {
                    await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.Screenshots, "lesson-homework-file-too-large.png"), FullPage = true });
                }
            }

            (await CountsAsync()).ShouldBe(withTheFile);
            await page.GotoAsync(new Uri(app.BaseAddress, LessonUrl(lesson)).ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Удалить файл «Контурная карта.pdf»" }).ClickAsync();
            await Assertions.Expect(page.Locator("#homework-files")).ToContainTextAsync("Файлов нет.");
            (await CountsAsync()).ShouldBe(before);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("Задание № 5.pdf", "Задание № 5.pdf")]
    [InlineData(@"C:\Users\Учитель\Desktop\Дроби.docx", "Дроби.docx")]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("отчёт\u202Efdp.exe", "отчётfdp.exe")]
    [InlineData("a<b>:c|d?.pdf", "a_b__c_d_.pdf")]
    [InlineData("  .скрытый.pdf. ", "скрытый.pdf")]
    [InlineData("line\r\nbreak\t.pdf", "linebreak.pdf")]
    [InlineData(".pdf", "pdf")]
    [InlineData("", "файл")]
    public void File_names_are_cleaned_keeping_cyrillic(string raw, string clean) =>
        FileNames.Clean(raw, 150).ShouldBe(clean);

    [Fact]
    public void A_long_name_is_cut_keeping_the_extension()
    {
        var name = FileNames.Clean(new string('я', 300) + ".pdf", 150);

        name.Length.ShouldBe(150);
        name.ShouldEndWith("я.pdf");
    }

    private static byte[] Zip(params string[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write("<x/>");
            }
        }

        return stream.ToArray();
    }

    private static byte[] OpenDocument(string mimeType)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("mimetype", System.IO.Compression.CompressionLevel.NoCompression).Open()))
            {
                writer.Write(mimeType);
            }

            using var content = new StreamWriter(zip.CreateEntry("content.xml").Open());
            content.Write("<office:document-content/>");
        }

        return stream.ToArray();
    }
}
