using System.Globalization;
using Journal.Domain.Attestation;
using Journal.Domain.Lessons;
using Journal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Attestation;

/// <summary>
/// GRD-4, DL-3, LCK-1, LCK-3: sets the period (or year, exam, final) marks typed on the sheet, or accepts every proposal
/// at once. All or nothing: one bad mark and nothing is saved, each refusal said in Russian next to its pupil.
/// Every change goes to the append-only history with who, when, old and new value and the comment.
/// </summary>
public static class SetAttestationMarks
{
    public const int CommentLength = 500;

    /// <summary>One field pair of the sheet, as posted.</summary>
    public sealed class Entry
    {
        public Guid PupilId { get; set; }

        public AttestationKind Kind { get; set; }

        public string? Value { get; set; }

        public string? Comment { get; set; }
    }

    /// <summary>The posted sheet: the marks as typed, or <see cref="Accept"/> naming the column whose proposals to accept.</summary>
    public sealed class Form
    {
        public List<Entry> Marks { get; set; } = [];

        public AttestationKind? Accept { get; set; }
    }

    /// <summary>The outcome: how many marks changed, or why nothing did (a page-wide reason or one per pupil and kind).</summary>
    public sealed record Result(int Saved, string? Error, IReadOnlyDictionary<(Guid Pupil, AttestationKind Kind), string> Errors)
    {
        public bool Succeeded => Error is null && Errors.Count == 0;

        public static Result Refused(string error) => new(0, error, new Dictionary<(Guid, AttestationKind), string>());
    }

    public sealed class Handler(JournalDbContext db, TimeProvider time)
    {
        /// <summary>
        /// The accepted proposals of a column: for every pupil in the class without a mark there, the proposal as the mark.
        /// </summary>
        private static List<Entry> Proposals(AttestationSheet.Model sheet, AttestationKind kind) =>
            [.. sheet.Rows
                .Where(r => r.IsInClass && r.Cells.TryGetValue(kind, out var c) && c.Value is null && c.Proposal is not null)
                .Select(r => new Entry { PupilId = r.PupilId, Kind = kind, Value = r.Cells[kind].Proposal })];

        /// <summary>
        /// LCK-2: enters the value of an approved correction request into the caller's tracked context and transaction
        /// (past the lock, on the request's ground, in history with its id). Returns the value entered, or why not.
        /// </summary>
        public async Task<(string? Applied, string? Error)> ApplyCorrectionAsync(
            CorrectionRequest request, string? input, Guid deputyId, ChangeGround ground, bool allowOne, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(request);
            var passFail = await db.Subjects.Where(s => s.Id == request.SubjectId).Select(s => (bool?)s.IsPassFail)
                .SingleOrDefaultAsync(cancellationToken);
            if (passFail is null || request.Attestation is not { } kind || request.AcademicYearId is not { } yearId)
            {
                return (null, "Предмет не найден.");
            }

            string? value = null;
            if (!string.IsNullOrWhiteSpace(input))
            {
                if (!AttestationMark.TryParse(input, passFail.Value, allowOne, out var code, out var error))
                {
                    return (null, error);
                }

                value = code;
            }

            await LockAsync(request.SubjectId!.Value, yearId, cancellationToken);
            var mark = await db.PeriodMarks.SingleOrDefaultAsync(
                m => m.PupilId == request.PupilId && m.SubjectId == request.SubjectId && m.AcademicYearId == yearId
                     && m.Kind == kind && m.StudyPeriodId == request.StudyPeriodId,
                cancellationToken);
            if (value is null && mark is null)
            {
                return (null, "Отметки нет: очищать нечего.");
            }

            if (mark?.Value == value)
            {
                return (null, $"Отметка уже «{value}».");
            }

            var slot = new Slot(request.PupilId, request.SubjectId.Value, yearId, kind, request.StudyPeriodId);
            Write(mark, slot, value, null, $"Заявка № {request.Number.ToString(CultureInfo.InvariantCulture)}",
                new Writer(deputyId, time.GetUtcNow(), ground, false, request.Id));
            return (value, null);
        }

        /// <summary>Which mark: pupil × subject × year × kind (× study period).</summary>
        private sealed record Slot(Guid PupilId, Guid SubjectId, Guid YearId, AttestationKind Kind, Guid? StudyPeriodId);

        /// <summary>Who writes, when, on what ground (LCK-3), late or not (DL-4), on which correction request (LCK-2).</summary>
        private sealed record Writer(Guid AuthorId, DateTimeOffset At, ChangeGround Ground, bool IsLate, Guid? CorrectionRequestId);

        /// <summary>
        /// Sets, changes or (value null) removes one mark in the tracked context, and records the change in history:
        /// the one place a period, year, exam or final mark is written.
        /// </summary>
        private void Write(PeriodMark? mark, Slot slot, string? value, string? proposal, string? comment, Writer writer)
        {
            db.PeriodMarkChanges.Add(new PeriodMarkChange
            {
                PupilId = slot.PupilId,
                SubjectId = slot.SubjectId,
                AcademicYearId = slot.YearId,
                Kind = slot.Kind,
                StudyPeriodId = slot.StudyPeriodId,
                OldValue = mark?.Value,
                NewValue = value,
                Comment = comment,
                AuthorId = writer.AuthorId,
                At = writer.At,
                Ground = writer.Ground,
                IsLate = writer.IsLate,
                CorrectionRequestId = writer.CorrectionRequestId,
            });
            if (value is null)
            {
                db.PeriodMarks.Remove(mark!);
            }
            else if (mark is null)
            {
                db.PeriodMarks.Add(new PeriodMark
                {
                    PupilId = slot.PupilId,
                    SubjectId = slot.SubjectId,
                    AcademicYearId = slot.YearId,
                    Kind = slot.Kind,
                    StudyPeriodId = slot.StudyPeriodId,
                    Value = value,
                    Proposal = proposal,
                    Comment = comment,
                    AuthorId = writer.AuthorId,
                    SetAt = writer.At,
                    IsLate = writer.IsLate,
                });
            }
            else
            {
                (mark.Value, mark.Proposal, mark.Comment, mark.AuthorId, mark.SetAt, mark.IsLate) =
                    (value, proposal ?? mark.Proposal, comment, writer.AuthorId, writer.At, writer.IsLate);
            }
        }

        /// <summary>
        /// One writer per subject of a year at a time: a class teacher and a subject teacher saving together are
        /// applied one after the other, each change in history with the value it really replaced.
        /// </summary>
        private Task<int> LockAsync(Guid subjectId, Guid yearId, CancellationToken cancellationToken) =>
            db.Database.ExecuteSqlAsync(
                $"SELECT pg_advisory_xact_lock(hashtextextended({"attestation:" + subjectId.ToString() + ":" + yearId.ToString()}, 0))",
                cancellationToken);

        /// <summary>The posted sheet: the marks as typed, or every proposal of the column named by «Принять все предложения».</summary>
        public Task<Result> Submit(AttestationSheet.Model sheet, Form form, Guid authorId, bool allowOne, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(form);
            return Handle(sheet, form.Accept is { } kind ? Proposals(sheet, kind) : form.Marks, authorId, allowOne, cancellationToken);
        }

        public async Task<Result> Handle(
            AttestationSheet.Model sheet, IReadOnlyList<Entry> entries, Guid authorId, bool allowOne, CancellationToken cancellationToken)
        {
            if (!sheet.MarksAllowed)
            {
                return Result.Refused("В 1 классе отметки не ставятся.");
            }

            if (!sheet.Edit.Allowed)
            {
                return Result.Refused(sheet.Edit.Reason!);
            }

            var rows = sheet.Rows.ToDictionary(r => r.PupilId);
            var errors = new Dictionary<(Guid, AttestationKind), string>();
            var changes = new List<(AttestationSheet.Row Row, AttestationKind Kind, string? Value, string? Comment, string? Proposal)>();
            foreach (var entry in entries.DistinctBy(e => (e.PupilId, e.Kind)))
            {
                if (!rows.TryGetValue(entry.PupilId, out var row))
                {
                    return Result.Refused("Этого ученика нет в классе (группе) в этом периоде.");
                }

                if (!sheet.Columns.Contains(entry.Kind))
                {
                    return Result.Refused($"Здесь не ставят отметку «{AttestationSheet.Name(entry.Kind)}».");
                }

                var cell = row.Cells[entry.Kind];
                var comment = string.IsNullOrWhiteSpace(entry.Comment) ? null : entry.Comment.Trim();
                string? value = null;
                if (!string.IsNullOrWhiteSpace(entry.Value))
                {
                    if (!AttestationMark.TryParse(entry.Value, sheet.Header.IsPassFail, allowOne, out var code, out var error))
                    {
                        errors[(row.PupilId, entry.Kind)] = error!;
                        continue;
                    }

                    value = code;
                }

                if (value == cell.Value && (value is null || comment == cell.Comment))
                {
                    continue;
                }

                if (!row.IsInClass)
                {
                    errors[(row.PupilId, entry.Kind)] =
                        $"Ученик выбыл {row.Left!.Value.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}: отметку ему здесь не ставят.";
                }
                else if (comment is { Length: > CommentLength })
                {
                    errors[(row.PupilId, entry.Kind)] = $"Комментарий длиннее {CommentLength} символов.";
                }
                else if (cell.DiffersFromProposal(value) && comment is null)
                {
                    errors[(row.PupilId, entry.Kind)] =
                        $"Отметка «{value}» отличается от предложенной «{cell.Proposal}»: напишите комментарий, почему.";
                }
                else
                {
                    changes.Add((row, entry.Kind, value, value is null ? null : comment, cell.Proposal));
                }
            }

            if (errors.Count > 0)
            {
                return new Result(0, null, errors);
            }

            if (changes.Count == 0)
            {
                return new Result(0, null, errors);
            }

            var h = sheet.Header;
            var periodId = sheet.Period?.Id;
            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await LockAsync(h.SubjectId, h.YearId, cancellationToken);
                var pupilIds = changes.Select(c => c.Row.PupilId).ToList();
                var kinds = changes.Select(c => c.Kind).Distinct().ToList();
                var stored = await db.PeriodMarks
                    .Where(m => m.SubjectId == h.SubjectId && m.AcademicYearId == h.YearId && pupilIds.Contains(m.PupilId)
                                && kinds.Contains(m.Kind) && m.StudyPeriodId == periodId)
                    .ToListAsync(cancellationToken);
                var now = time.GetUtcNow();
                var saved = 0;
                foreach (var (row, kind, value, comment, proposal) in changes)
                {
                    var mark = stored.Find(m => m.PupilId == row.PupilId && m.Kind == kind);
                    if (mark?.Value == value && (value is null || mark?.Comment == comment))
                    {
                        continue;
                    }

                    Write(
                        mark, new Slot(row.PupilId, h.SubjectId, h.YearId, kind, kind == AttestationKind.Period ? periodId : null),
                        value, proposal, comment, new Writer(authorId, now, ChangeGround.Entry, sheet.IsLate, null));
                    saved++;
                }

                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new Result(saved, null, errors);
            });
        }
    }
}
