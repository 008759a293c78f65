// placeholder
namespace citecheck::draft {}
