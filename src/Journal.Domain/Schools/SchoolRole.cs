namespace Journal.Domain.Schools;

/// <summary>
/// Roles a person holds inside one school (SPEC §1). ClassTeacher is not stored: a member is a
/// class teacher while a class of the school names them as its class teacher. The order is the order of
/// landing: a person with several roles lands on the first one's home.
/// </summary>
public enum SchoolRole
{
    Admin,
    Deputy,
    ClassTeacher,
    Teacher,
    Parent,
    Student,
}
