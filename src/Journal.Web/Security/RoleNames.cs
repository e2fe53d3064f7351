using Journal.Domain.Schools;

namespace Journal.Web.Security;

public static class RoleNames
{
    public static string Russian(SchoolRole role) => role switch
    {
        SchoolRole.Admin => "Администратор",
        SchoolRole.Deputy => "Заместитель директора",
        SchoolRole.ClassTeacher => "Классный руководитель",
        SchoolRole.Teacher => "Учитель",
        SchoolRole.Parent => "Родитель",
        _ => "Ученик",
    };
}
