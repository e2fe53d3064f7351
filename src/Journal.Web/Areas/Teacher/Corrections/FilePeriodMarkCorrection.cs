using FluentValidation;
using Journal.Domain.Attestation;
using Journal.Domain.Lessons;
using Journal.Web.Attestation;
using Journal.Web.Files;

namespace Journal.Web.Areas.Teacher.Corrections;

/// <summary>
/// LCK-1, LCK-2: a period, year, exam or final mark locks 14 days after the end of its period; then the journal's teacher
/// asks the Deputy to change it, on a ground from the regulation, and the Deputy enters it (<c>Deputy/Corrections</c>).
/// </summary>
public static class FilePeriodMarkCorrection
{
    public sealed record Model(Guid AssignmentId, AttestationSheet.Model Sheet, AttestationSheet.Row Row, AttestationKind Kind)
    {
        public string? Current => Row.Cells[Kind].Value;

        public string What => Sheet.IsYear ? AttestationSheet.Name(Kind).ToLowerInvariant() + " отметка" : $"отметка: {Sheet.Title}";
    }

    public sealed class Form
    {
        public string? Value { get; set; }

        public CorrectionReason? Reason { get; set; }

        public string? Explanation { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(x => x.Value).MaximumLength(8).WithMessage("Слишком длинное значение.");
            RuleFor(x => x.Reason).NotNull().WithMessage("Выберите основание исправления.")
                .IsInEnum().WithMessage("Выберите основание исправления.");
            RuleFor(x => x.Explanation).NotEmpty().WithMessage("Опишите причину и подтверждающий документ.")
                .MaximumLength(1000).WithMessage("Пояснение длиннее 1000 знаков.");
        }
    }

    public sealed class Handler(FileCorrection.Handler corrections)
    {
        /// <summary>Files the request; its number, or the Russian reason nothing was filed.</summary>
        public async Task<(int Number, string? Error)> File(
            Model model, Form form, UploadBatch upload, Guid teacherId, bool allowOne, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(model);
            if (!model.Sheet.IsLocked)
            {
                return (0, model.Sheet.Edit.Allowed
                    ? "Отметки ещё открыты для изменений: исправьте отметку прямо на странице отметок."
                    : model.Sheet.Edit.Reason);
            }

            if (!model.Row.IsInClass)
            {
                return (0, "Ученик выбыл из класса до конца периода.");
            }

            string? requested = null;
            if (!string.IsNullOrWhiteSpace(form.Value))
            {
                if (!AttestationMark.TryParse(form.Value, model.Sheet.Header.IsPassFail, allowOne, out var code, out var error))
                {
                    return (0, error);
                }

                requested = code;
            }

            if (requested == model.Current)
            {
                return (0, requested is null ? "Отметки и так нет: исправлять нечего." : $"Уже стоит «{requested}».");
            }

            var h = model.Sheet.Header;
            var (pupil, subject, year, kind) = (model.Row.PupilId, h.SubjectId, h.YearId, model.Kind);
            var period = model.Sheet.Period?.Id;
            return await corrections.SubmitAsync(
                new CorrectionRequest
                {
                    PupilId = pupil,
                    ClassId = h.ClassId,
                    SubjectId = subject,
                    AcademicYearId = year,
                    Attestation = kind,
                    StudyPeriodId = period,
                    Target = ChangeTarget.PeriodMark,
                    CurrentValue = model.Current,
                    RequestedValue = requested,
                    Reason = form.Reason!.Value,
                    Explanation = form.Explanation!.Trim(),
                    RequestedById = teacherId,
                },
                r => r.PupilId == pupil && r.SubjectId == subject && r.AcademicYearId == year && r.Attestation == kind
                     && r.StudyPeriodId == period,
                "По этой отметке",
                upload,
                cancellationToken);
        }
    }
}
